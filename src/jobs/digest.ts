import { z } from 'zod';
import { buildDigest } from '../../blocks/digest.js';
import type { SlackMessage } from '../../blocks/text.js';
import type { NudgeSlot } from '../domain/nudge-schedule.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { dailySlots, dueDailySlot, dueWeeklySlot, slotCatchUpEnd, weeklySlots } from '../domain/team-schedules.js';
import type { Translator } from '../i18n/index.js';
import type { DigestKind, TeamDigest, TeamDigests } from '../services/team-digest.js';
import type { JobStore, RunClaim } from '../store/job-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { JobReport, ScheduledJob, ScheduledRun } from './scheduled-job.js';

export const digestJobName = 'digest';
export const digestPostKind = 'digest';

/** Channel posts are in the workspace's language; until it can be chosen (issue 13) that is English. */

const periodSchema = z.union([
  z.object({ kind: z.enum(['day', 'week', 'month', 'quarter']) }),
  z.object({ kind: z.literal('custom'), startsOn: z.iso.date(), endsOn: z.iso.date() }),
]);
const goalSchema = z.object({
  metric: z.string(),
  productLine: z.string(),
  period: periodSchema,
  target: z.number(),
  actual: z.number(),
  expected: z.number(),
  status: z.enum(['done', 'ahead', 'on_pace', 'at_risk', 'behind', 'upcoming']),
});
const personSchema = z.object({ userId: z.string(), name: z.string() });

/** What a digest's outbox row keeps: the digest as gathered at the claim, drawn when it is sent. */
const digestSchema = z.object({
  kind: z.enum(['weekly', 'daily']),
  team: z.object({ id: z.string(), name: z.string() }),
  timeZone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  teamGoals: z.array(goalSchema),
  reps: z.array(personSchema.extend({ goal: goalSchema.nullable(), behindTwoWeeks: z.boolean() })),
  leads: z.array(personSchema.extend({ missed: z.number().int(), stale: z.number().int(), checkBacks: z.number().int() })),
  checkIn: z
    .object({
      week: z.iso.date(),
      expected: z.number().int(),
      answered: z.number().int(),
      skipped: z.number().int(),
      lowConfidence: z.array(personSchema),
      help: z.array(personSchema.extend({ detail: z.string().nullable() })),
    })
    .nullable(),
  customers: z
    .object({
      checkBacks: z.number().int(),
      satisfaction: z.number().nullable(),
      complaintCount: z.number().int().optional(),
      complaints: z.array(z.object({ lead: z.string(), name: z.string(), complaint: z.string() })),
    })
    // A digest queued before the count was kept listed every complaint it had.
    .transform((c) => ({ ...c, complaintCount: c.complaintCount ?? c.complaints.length })),
  ranking: z.discriminatedUnion('by', [z.object({ by: z.literal('points') }), z.object({ by: z.literal('goal') }), z.object({ by: z.literal('metric'), metric: z.string() })]),
  top: z.array(personSchema.extend({ rank: z.number().int(), score: z.number() })),
}) satisfies z.ZodType<TeamDigest>;

export function renderDigest(payload: unknown, tr: Translator): SlackMessage {
  return buildDigest(tr, digestSchema.parse(payload));
}

const zoneOf = (team: SalesTeam) => team.timeZone ?? 'UTC';

/** A team's digest slots due at `now`, with the channel: weekly when on, daily when set; none without a digest channel. */
function dueSlots(team: SalesTeam, now: Date): { kind: DigestKind; slot: NudgeSlot; channel: string }[] {
  const channel = team.digestChannelId;
  if (!channel) return [];
  const weekly = team.digest.weekly.enabled ? dueWeeklySlot(team.digest.weekly, zoneOf(team), now) : null;
  const daily = team.digest.dailyAt ? dueDailySlot(team.digest.dailyAt, zoneOf(team), now) : null;
  return [...(weekly ? [{ kind: 'weekly' as const, slot: weekly, channel }] : []), ...(daily ? [{ kind: 'daily' as const, slot: daily, channel }] : [])];
}

/**
 * The managers' digest: weekly (default Monday 08:30, team time) and optionally every working day,
 * to the team's digest channel. Claimed once per team, kind and local date; caught up the same day
 * after downtime. A team without a digest channel gets no run.
 */
export function createDigestJob(deps: { teams: SalesTeamStore; digests: TeamDigests; jobs: JobStore; instance: string }): ScheduledJob {
  const { teams, digests, jobs } = deps;
  return {
    name: digestJobName,
    async plan(now) {
      const report: JobReport = { job: digestJobName, queued: 0, nothingToSay: 0, alreadyDone: 0, lines: [] };
      const due = (await teams.everyWorkspace()).flatMap(({ teamId, team }) =>
        dueSlots(team, now).map(({ kind, slot, channel }) => ({ teamId, team, kind, slot, channel, key: `${digestJobName}:${teamId}:${team.id}:${kind}:${slot.localDate}` })),
      );
      const done = await jobs.claimed(due.map((d) => d.key));
      for (const { teamId, team, kind, slot, channel, key } of due) {
        const where = `${team.name} in ${teamId} (${slot.localDate} ${slot.localTime} ${zoneOf(team)})`;
        if (done.has(key)) {
          report.alreadyDone += 1;
          report.lines.push(`skipped the ${kind} digest of ${where}: already done`);
          continue;
        }
        const digest = team.members.length === 0 ? null : await digests.gather(teamId, team, kind, now);
        const run: RunClaim = { key, job: digestJobName, teamId, subject: channel, period: slot.localDate };
        // The digest is spread into a plain record: an interface has no index signature for the payload's type.
        const messages = digest
          ? [{ teamId, channel, kind: digestPostKind, payload: { ...digest }, notBefore: now, expiresAt: slotCatchUpEnd(slot, zoneOf(team)) }]
          : [];
        const claimed = await jobs.claim([{ run, messages }], deps.instance, now);
        if (!claimed.has(key)) {
          report.alreadyDone += 1;
          report.lines.push(`skipped the ${kind} digest of ${where}: already done`);
        } else if (!digest) {
          report.nothingToSay += 1;
          report.lines.push(`nothing to post for ${where}: the team has no reps`);
        } else {
          report.queued += 1;
          report.lines.push(`queued the ${kind} digest of ${where} to ${channel}: ${digest.reps.length} reps`);
        }
      }
      return report;
    },
    async runsBetween(from, to) {
      return (await teams.everyWorkspace()).flatMap(({ teamId, team }): ScheduledRun[] => {
        const channel = team.digestChannelId;
        if (!channel) return [];
        const zone = zoneOf(team);
        const slots = [
          ...(team.digest.weekly.enabled ? weeklySlots(team.digest.weekly, zone, from, to) : []),
          ...(team.digest.dailyAt ? dailySlots(team.digest.dailyAt, zone, from, to) : []),
        ];
        return slots
          .sort((a, b) => a.at.getTime() - b.at.getTime())
          .map((slot) => ({ job: digestJobName, teamId, subject: channel, localDate: slot.localDate, localTime: slot.localTime, timeZone: zone, at: slot.at }));
      });
    },
  };
}
