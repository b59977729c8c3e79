import { buildNudge, nudgeItemLimit } from '../../blocks/nudge.js';
import { dueNudgeSlot, nudgeCatchUpEnd, nudgeSlots, type NudgeSlot } from '../domain/nudge-schedule.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { translator } from '../i18n/index.js';
import { teamLeadRules } from '../services/lead-book.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { JobStore, OutboxDraft, RunClaim } from '../store/job-store.js';
import type { LeadStore, NudgeItem } from '../store/lead-store.js';
import type { MemberStore, NudgeRecipient } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { JobReport, ScheduledJob } from './scheduled-job.js';

export const nudgeJobName = 'nudges';

/** Reps planned in one statement, and runs claimed in one transaction. */
const planBatch = 500;

const runKey = (r: Pick<NudgeRecipient, 'teamId' | 'userId'>, slot: NudgeSlot) => `${nudgeJobName}:${r.teamId}:${r.userId}:${slot.localDate}`;

function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}

/** A rep's rules come from their first team by name, as the estimate rule does. */
function rulesByRep(teams: readonly SalesTeam[]) {
  const sorted = [...teams].sort((a, b) => a.name.localeCompare(b.name));
  return (userId: string) => teamLeadRules(sorted.find((t) => t.members.includes(userId)));
}

/**
 * The daily nudge: at each rep's nudge time on their working days, one DM naming their missed
 * follow-ups, customers to check back on and unchased leads; nothing to say, no DM. Claimed
 * once per rep and local date; a run missed while Pacer was down is made up the same day.
 */
export function createNudgeJob(deps: {
  members: MemberStore;
  leads: LeadStore;
  teams: SalesTeamStore;
  activityTypes: ActivityTypeStore;
  jobs: JobStore;
  /** Recorded with each claim: which instance ran it. */
  instance: string;
}): ScheduledJob {
  const { members, leads, teams, activityTypes, jobs } = deps;

  async function planWorkspace(teamId: string, due: readonly { recipient: NudgeRecipient; slot: NudgeSlot }[], now: Date, report: JobReport) {
    const [workspaceTeams, types] = await Promise.all([teams.list(teamId), activityTypes.forWorkspace(teamId)]);
    const rulesOf = rulesByRep(workspaceTeams);
    for (const batch of chunks(due, planBatch)) {
      const items = await leads.nudgeItems(
        teamId,
        batch.map(({ recipient, slot }) => ({ userId: recipient.userId, today: slot.localDate, rules: rulesOf(recipient.userId) })),
        now,
        nudgeItemLimit,
      );
      const byRep = new Map<string, NudgeItem[]>();
      for (const item of items) byRep.set(item.lead.ownerId, [...(byRep.get(item.lead.ownerId) ?? []), item]);
      const runs = batch.map(({ recipient, slot }) => {
        const mine = byRep.get(recipient.userId) ?? [];
        const run: RunClaim = { key: runKey(recipient, slot), job: nudgeJobName, teamId, subject: recipient.userId, period: slot.localDate };
        const message: OutboxDraft[] =
          mine.length === 0
            ? []
            : [
                {
                  teamId,
                  channel: recipient.userId,
                  kind: 'nudge',
                  message: buildNudge(translator(recipient.locale, types), {
                    items: mine,
                    total: mine[0]?.total ?? mine.length,
                    now,
                    timeZone: recipient.timeZone,
                    today: slot.localDate,
                  }),
                  notBefore: now,
                  expiresAt: nudgeCatchUpEnd(slot, recipient.timeZone),
                },
              ];
        return { run, messages: message, items: mine.length, slot, recipient };
      });
      const claimed = await jobs.claim(runs, deps.instance, now);
      for (const { run, messages, items: count, slot, recipient } of runs) {
        const where = `${recipient.userId} in ${teamId} (${slot.localDate} ${slot.localTime} ${recipient.timeZone})`;
        if (!claimed.has(run.key)) {
          report.alreadyDone += 1;
          report.lines.push(`skipped ${where}: already done`);
        } else if (messages.length === 0) {
          report.nothingToSay += 1;
          report.lines.push(`nothing to say to ${where}`);
        } else {
          report.queued += 1;
          report.lines.push(`queued a nudge for ${where}: ${count} item${count === 1 ? '' : 's'}`);
        }
      }
    }
  }

  return {
    name: nudgeJobName,
    async plan(now) {
      const report: JobReport = { job: nudgeJobName, queued: 0, nothingToSay: 0, alreadyDone: 0, lines: [] };
      const due = (await members.nudgeRecipients()).flatMap((recipient) => {
        const slot = dueNudgeSlot(recipient.prefs, recipient.timeZone, now);
        return slot ? [{ recipient, slot }] : [];
      });
      // Runs claimed earlier today are skipped before any lead is read.
      const done = new Set<string>();
      for (const batch of chunks(due, 1000)) for (const key of await jobs.claimed(batch.map((d) => runKey(d.recipient, d.slot)))) done.add(key);
      report.alreadyDone += done.size;
      const byWorkspace = new Map<string, { recipient: NudgeRecipient; slot: NudgeSlot }[]>();
      for (const entry of due) {
        if (done.has(runKey(entry.recipient, entry.slot))) continue;
        byWorkspace.set(entry.recipient.teamId, [...(byWorkspace.get(entry.recipient.teamId) ?? []), entry]);
      }
      for (const [teamId, entries] of byWorkspace) await planWorkspace(teamId, entries, now, report);
      return report;
    },
    async runsBetween(from, to) {
      return (await members.nudgeRecipients()).flatMap((recipient) =>
        nudgeSlots(recipient.prefs, recipient.timeZone, from, to).map((slot) => ({
          job: nudgeJobName,
          teamId: recipient.teamId,
          subject: recipient.userId,
          localDate: slot.localDate,
          localTime: slot.localTime,
          timeZone: recipient.timeZone,
          at: slot.at,
        })),
      );
    },
  };
}
