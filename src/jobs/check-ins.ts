import { z } from 'zod';
import { standingLine } from '../../blocks/goal-text.js';
import { buildCheckInAsk } from '../../blocks/check-in-messages.js';
import type { SlackMessage } from '../../blocks/text.js';
import {
  askAt,
  checkInRunKeys,
  checkInsBetween,
  closesAt,
  commitmentOf,
  isAwayFor,
  isDaytime,
  latestCheckIn,
  reminderAt,
  type CheckInSetup,
} from '../domain/check-ins.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { HomeDashboard } from '../services/home-dashboard.js';
import type { Speakers } from '../services/speakers.js';
import { checkInAnswerKind, checkInRedrawKind, type CheckInPosts } from '../slack/check-in-posts.js';
import type { CheckInRep, CheckInStore } from '../store/check-in-store.js';
import type { JobStore, OutboxDraft, OutboxRow, RunClaim } from '../store/job-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { JobReport, ScheduledJob, ScheduledRun } from './scheduled-job.js';

export const checkInJobName = 'checkins';
export const checkInOutboxKinds = ['checkin-ask', 'checkin-reminder', 'checkin-summary', checkInAnswerKind, checkInRedrawKind] as const;
/** The messages the job plans itself; answers and redraws are queued through the posts. */
type PlannedKind = 'checkin-ask' | 'checkin-reminder' | 'checkin-summary';

/**
 * Answers of check-ins dated this far back are still queued for their thread when missed: an answer
 * is taken until the next check-in opens (a week on), and claims are kept 45 days (src/jobs/scheduler.ts).
 */
const catchUpDays = 21;

/** What a check-in message's outbox row keeps: which round; the words are drawn when it is sent. */
const roundPayloadSchema = z.object({ salesTeamId: z.uuid(), week: z.iso.date() });
type RoundPayload = z.infer<typeof roundPayloadSchema>;

interface ClaimedRun {
  run: RunClaim;
  messages: OutboxDraft[];
  what: string;
}

export interface CheckInJob extends ScheduledJob {
  /** Draws a queued check-in message (the rep's DM, the reminder, the managers' summary) as it is sent. */
  render(row: OutboxRow): Promise<SlackMessage>;
}

/**
 * The weekly check-in: at the team's time in each rep's own time zone, one DM a rep (none while away);
 * the managers' summary once per team and week; one reminder in the rep's daytime to those who have not
 * answered; the close, with the summary redrawn in place. Each claimed once per team, rep and week.
 */
export function createCheckInJob(deps: {
  checkIns: CheckInStore;
  teams: SalesTeamStore;
  members: MemberStore;
  jobs: JobStore;
  homeDashboard: HomeDashboard;
  speakers: Pick<Speakers, 'reader'>;
  posts: CheckInPosts;
  instance: string;
}): CheckInJob {
  const { checkIns, teams, members, jobs, posts } = deps;

  /** Reps Pacer has not seen yet have no profile: the team's zone (or UTC) stands in. */
  async function repsOf(teamId: string, team: SalesTeam): Promise<CheckInRep[]> {
    const known = new Map((await checkIns.reps(teamId, team.members)).map((r) => [r.userId, r]));
    return team.members.map((userId) => known.get(userId) ?? { userId, timeZone: team.timeZone ?? 'UTC', locale: 'en-US', awayUntil: null });
  }

  /** `what` names the run in the printout: "queued <what>", "nothing to send for <what>", "skipped <what>: already done". */
  async function claim(runs: readonly ClaimedRun[], now: Date, report: JobReport) {
    const claimed = await jobs.claim(runs, deps.instance, now);
    for (const { run, messages, what } of runs) {
      if (!claimed.has(run.key)) {
        report.alreadyDone += 1;
        report.lines.push(`skipped ${what}: already done`);
      } else if (messages.length === 0) {
        report.nothingToSay += 1;
        report.lines.push(`nothing to send for ${what}`);
      } else {
        report.queued += 1;
        report.lines.push(`queued ${what}`);
      }
    }
  }

  async function planTeam(setup: CheckInSetup & { teamId: string }, now: Date, report: JobReport) {
    const { teamId, salesTeamId } = setup;
    const team = await teams.findById(teamId, salesTeamId);
    if (!team || team.members.length === 0) return;
    const reps = await repsOf(teamId, team);
    // The round is the newest week any rep has been asked in; reps further west are asked later in it.
    const week = reps.map((r) => latestCheckIn(setup, r.timeZone, now).week).sort().at(-1) ?? '';
    const key = { teamId, salesTeamId, week };
    let round = await checkIns.round(key);
    if (!round) {
      const firstAsk = Math.min(...reps.map((r) => askAt(setup, r.timeZone, week).getTime()));
      const closes = new Date(Math.max(...reps.map((r) => closesAt(setup, r.timeZone, week).getTime())));
      // A check-in set up after this week's ask starts next week; one missed whole while Pacer was down is not opened late.
      if (firstAsk < setup.createdAt.getTime() || now >= closes) return;
      const away = reps.filter((r) => isAwayFor(r.awayUntil, week)).map((r) => r.userId);
      const expected = reps.filter((r) => !away.includes(r.userId)).map((r) => r.userId);
      if (expected.length === 0) {
        report.lines.push(`no check-in for ${team.name} in ${teamId} (${week}): everyone is away`);
        return;
      }
      await checkIns.openRound({ ...key, questions: setup.questions, expected, away, openedAt: now, closesAt: closes });
      round = await checkIns.round(key);
    }
    // Past its close nobody is asked or reminded any more: closeDue closes it.
    if (!round || round.closedAt || now >= round.closesAt) return;
    const answered = new Set((await checkIns.answers(round)).map((a) => a.userId));
    const payload: RoundPayload = { salesTeamId, week };
    const message = (channel: string, kind: PlannedKind, expiresAt: Date | null): OutboxDraft => ({ teamId, channel, kind, payload, notBefore: now, expiresAt });
    const runs: ClaimedRun[] = [];
    const summaryTo = team.digestChannelId ? [team.digestChannelId] : team.managers;
    runs.push({
      run: { key: checkInRunKeys.summary(teamId, salesTeamId, week), job: checkInJobName, teamId, subject: salesTeamId, period: week },
      messages: summaryTo.map((channel) => message(channel, 'checkin-summary', null)),
      what: `the check-in summary of ${team.name} in ${teamId} (${week}) to ${summaryTo.join(', ') || 'nobody (no managers)'}`,
    });
    for (const rep of reps.filter((r) => round.expected.includes(r.userId))) {
      const where = `${rep.userId} of ${team.name} in ${teamId} (${week}, ${rep.timeZone})`;
      if (now >= askAt(setup, rep.timeZone, week)) {
        runs.push({
          run: { key: checkInRunKeys.ask(teamId, salesTeamId, rep.userId, week), job: checkInJobName, teamId, subject: rep.userId, period: week },
          // A rep who answered early (from the evening before) is not asked.
          messages: answered.has(rep.userId) ? [] : [message(rep.userId, 'checkin-ask', round.closesAt)],
          what: `the check-in of ${where}${answered.has(rep.userId) ? ' (answered already)' : ''}`,
        });
      }
      if (!answered.has(rep.userId) && now >= reminderAt(setup, rep.timeZone, week) && isDaytime(now, rep.timeZone)) {
        runs.push({
          run: { key: checkInRunKeys.reminder(teamId, salesTeamId, rep.userId, week), job: checkInJobName, teamId, subject: rep.userId, period: week },
          messages: [message(rep.userId, 'checkin-reminder', round.closesAt)],
          what: `the check-in reminder of ${where}`,
        });
      }
    }
    await claim(runs, now, report);
  }

  /** Closes every round whose time has come (also those left open while Pacer was down), once. */
  async function closeDue(now: Date, report: JobReport) {
    for (const round of await checkIns.openRounds()) {
      if (round.closesAt > now) continue;
      const run = { key: checkInRunKeys.close(round.teamId, round.salesTeamId, round.week), job: checkInJobName, teamId: round.teamId, subject: round.salesTeamId, period: round.week };
      await claim([{ run, messages: [], what: `the close of the check-in of team ${round.salesTeamId} in ${round.teamId} (${round.week})` }], now, report);
      if (await checkIns.closeRound(round, now)) report.lines.push(`closed the check-in of team ${round.salesTeamId} in ${round.teamId} (${round.week})`);
    }
  }

  /** Answers not yet queued for their thread, and summaries behind what they hold: queued now. */
  async function catchUpPosts(now: Date, report: JobReport) {
    const since = new Date(now.getTime() - catchUpDays * 86_400_000).toISOString().slice(0, 10);
    const queued = await posts.queueAnswers(jobs, await checkIns.answersSince(since), deps.instance);
    for (const answer of queued.answers) report.lines.push(`queued the check-in of ${answer.userId} (${answer.week}) for its thread`);
    for (const round of await checkIns.summariesBehind()) {
      if ((await posts.queueRedraw(jobs, round)).length > 0) report.lines.push(`queued a redraw of the check-in summary of team ${round.salesTeamId} in ${round.teamId} (${round.week})`);
    }
  }

  async function renderAsk(row: OutboxRow, reminder: boolean): Promise<SlackMessage> {
    const { salesTeamId, week } = roundPayloadSchema.parse(row.payload);
    const key = { teamId: row.teamId, salesTeamId, week };
    const [member, team, previous] = await Promise.all([
      members.find(row.teamId, row.channel),
      teams.findById(row.teamId, salesTeamId),
      checkIns.previousAnswer(key, row.channel),
    ]);
    const tr = await deps.speakers.reader({ teamId: row.teamId, locale: member?.locale ?? 'en-US' });
    const standings = member && !reminder ? (await deps.homeDashboard.snapshot(member)).standings.map((s) => standingLine(tr, s)) : [];
    const previousRound = previous && (await checkIns.round({ ...key, week: previous.week }));
    const lastCommitment = previous && previousRound ? commitmentOf(previousRound.questions, previous.answers) : null;
    return buildCheckInAsk(tr, { salesTeamId, week, teamName: team?.name ?? '', standings: standings.slice(0, 10), lastCommitment: reminder ? null : lastCommitment, reminder });
  }

  return {
    name: checkInJobName,
    async plan(now) {
      const report: JobReport = { job: checkInJobName, queued: 0, nothingToSay: 0, alreadyDone: 0, lines: [] };
      for (const setup of await checkIns.allSetups()) await planTeam(setup, now, report);
      await closeDue(now, report);
      await catchUpPosts(now, report);
      return report;
    },
    async runsBetween(from, to) {
      const runs: ScheduledRun[] = [];
      for (const setup of await checkIns.allSetups()) {
        const team = await teams.findById(setup.teamId, setup.salesTeamId);
        if (!team) continue;
        const asks = (await repsOf(setup.teamId, team)).flatMap((rep) =>
          checkInsBetween(setup, rep.timeZone, from, to)
            .filter((slot) => slot.askAt >= setup.createdAt)
            .map((slot): ScheduledRun => ({ job: checkInJobName, teamId: setup.teamId, subject: `${team.name}/${rep.userId}`, localDate: slot.week, localTime: slot.localTime, timeZone: rep.timeZone, at: slot.askAt })),
        );
        // The managers' summary goes out with the week's first ask (away reps aside).
        const summaryTo = team.digestChannelId ? [team.digestChannelId] : team.managers;
        for (const week of new Set(asks.map((a) => a.localDate))) {
          const first = asks.filter((a) => a.localDate === week).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
          if (first) runs.push(...summaryTo.map((to) => ({ ...first, subject: `${team.name}/${to}` })));
        }
        runs.push(...asks);
      }
      return runs;
    },
    async render(row) {
      if (row.kind === 'checkin-summary' || row.kind === checkInAnswerKind || row.kind === checkInRedrawKind) return posts.render(row);
      return renderAsk(row, row.kind === 'checkin-reminder');
    },
  };
}
