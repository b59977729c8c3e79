import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { z } from 'zod';
import { buildNudge, nudgeItemLimit } from '../../blocks/nudge.js';
import type { SlackMessage } from '../../blocks/text.js';
import { leadStages, type LeadRules, type NudgeLine } from '../domain/leads.js';
import { dueNudgeSlot, nudgeCatchUpEnd, nudgeSlots, type NudgeSlot } from '../domain/nudge-schedule.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { Translator } from '../i18n/index.js';
import { teamLeadRules } from '../services/lead-book.js';
import type { JobStore, OutboxDraft, RunClaim } from '../store/job-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { MemberStore, NudgeRecipient } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { JobReport, ScheduledJob } from './scheduled-job.js';

export const nudgeJobName = 'nudges';

/**
 * Reps planned in one statement, and runs claimed in one transaction. Small enough that requests
 * arriving meanwhile wait little: on the embedded database every query runs on the main thread.
 */
const planBatch = 1000;

const runKey = (r: Pick<NudgeRecipient, 'teamId' | 'userId'>, slot: NudgeSlot) => `${nudgeJobName}:${r.teamId}:${r.userId}:${slot.localDate}`;

function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}

/** A rep's rules come from their first team by name, as the estimate rule does. */
function rulesByRep(teams: readonly SalesTeam[]): (userId: string) => LeadRules {
  const byRep = new Map<string, LeadRules>();
  for (const team of [...teams].sort((a, b) => b.name.localeCompare(a.name))) {
    const rules = teamLeadRules(team);
    for (const userId of team.members) byRep.set(userId, rules);
  }
  return (userId) => byRep.get(userId) ?? teamLeadRules(undefined);
}

/** What a nudge's outbox row keeps: the lines and how to say them, drawn when the DM is sent. */
const nudgePayloadSchema = z.object({
  locale: z.string(),
  timeZone: z.string(),
  today: z.iso.date(),
  now: z.coerce.date(),
  total: z.number().int(),
  lines: z.array(
    z.object({
      kind: z.enum(['missed', 'checkback', 'unchased']),
      lead: z.object({
        id: z.uuid(),
        name: z.string(),
        stage: z.enum(leadStages),
        value: z.number().nullable(),
        productLine: z.string().nullable(),
        nextFollowUpOn: z.string().nullable(),
        closedAt: z.coerce.date().nullable(),
        lastTouchedAt: z.coerce.date(),
      }),
    }),
  ),
});
type NudgePayload = z.input<typeof nudgePayloadSchema>;

/** Draws a queued nudge as the rep reads: their language (kept with the nudge), the workspace's type names and currency. */
export async function renderNudge(payload: unknown, readerIn: (locale: string) => Promise<Translator>): Promise<SlackMessage> {
  const data = nudgePayloadSchema.parse(payload);
  return buildNudge(await readerIn(data.locale), { items: data.lines, total: data.total, now: data.now, timeZone: data.timeZone, today: data.today });
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
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
  jobs: JobStore;
  /** Recorded with each claim: which instance ran it. */
  instance: string;
}): ScheduledJob {
  const { members, leads, teams, jobs } = deps;

  async function planWorkspace(teamId: string, due: readonly { recipient: NudgeRecipient; slot: NudgeSlot }[], now: Date, report: JobReport) {
    const rulesOf = rulesByRep(await teams.list(teamId));
    for (const batch of chunks(due, planBatch)) {
      const items = await leads.nudgeItems(
        teamId,
        batch.map(({ recipient, slot }) => ({ userId: recipient.userId, today: slot.localDate, rules: rulesOf(recipient.userId) })),
        now,
        nudgeItemLimit,
      );
      const byRep = groupBy(items, (item) => item.ownerId);
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
                  payload: {
                    locale: recipient.locale,
                    timeZone: recipient.timeZone,
                    today: slot.localDate,
                    now,
                    total: mine[0]?.total ?? mine.length,
                    lines: mine.map(({ kind, lead }): NudgeLine => ({ kind, lead })),
                  } satisfies NudgePayload,
                  notBefore: now,
                  expiresAt: nudgeCatchUpEnd(slot, recipient.timeZone),
                },
              ];
        return { run, messages: message, items: mine.length, slot, recipient };
      });
      const claimed = await jobs.claim(runs, deps.instance, now);
      await yieldToRequests();
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
      const byWorkspace = groupBy(
        due.filter((entry) => !done.has(runKey(entry.recipient, entry.slot))),
        (entry) => entry.recipient.teamId,
      );
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
