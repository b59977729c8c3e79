import { DateTime } from 'luxon';
import { z } from 'zod';
import { buildContestKickOff, buildContestResults, contestCard, contestPostLines, type ContestCard, type ContestResults } from '../../blocks/contests.js';
import type { SlackMessage } from '../../blocks/text.js';
import { contestWinners, finalCatchUpDays, finalWindow, isDue, kickOffWindow, type Contest, type PostWindow } from '../domain/contests.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import type { Translator } from '../i18n/index.js';
import type { ContestBook } from '../services/contest-book.js';
import type { ContestStore } from '../store/contest-store.js';
import type { JobStore, OutboxDraft, OutboxRow, RunClaim } from '../store/job-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { JobReport, ScheduledJob, ScheduledRun } from './scheduled-job.js';

export const contestJobName = 'contests';
export const contestStartKind = 'contest-start';
export const contestEndKind = 'contest-end';
export const contestOutboxKinds: readonly string[] = [contestStartKind, contestEndKind];

/** Channel posts are in the workspace's language; until it can be chosen (issue 13) that is English. */

const cardSchema = z.object({
  name: z.string(),
  metric: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  mode: z.enum(['reps', 'teams']),
  prize: z.string().nullable(),
  teams: z.array(z.string()),
});

const resultsSchema = z.object({
  card: cardSchema,
  lines: z.array(z.object({ id: z.string(), name: z.string(), rank: z.number().int(), tied: z.boolean(), score: z.number() })),
  total: z.number().int(),
  winnerPeople: z.array(z.string()),
});

/** Draws a queued kick-off or results post as the workspace's channels read it. */
export function renderContestPost(row: Pick<OutboxRow, 'kind' | 'payload'>, tr: Translator): SlackMessage {
  if (row.kind === contestStartKind) return buildContestKickOff(tr, cardSchema.parse(row.payload));
  return buildContestResults(tr, resultsSchema.parse(row.payload));
}

type Post = { kind: typeof contestStartKind | typeof contestEndKind; window: PostWindow };

const runKey = (kind: Post['kind'], contest: Contest, team: SalesTeam) => `${kind}:${contest.teamId}:${contest.id}:${team.id}`;
const utcDay = (at: Date, days: number) => DateTime.fromJSDate(at, { zone: 'utc' }).plus({ days }).toISODate() ?? '';

/**
 * Sales contests' channel posts: a kick-off on the first day at 09:00 in the contest's zone (at
 * once for a contest created later, while it runs), and the results the day after the last at
 * 09:00 (caught up for a week). Each claimed once per contest and team channel; a cancelled
 * contest is deleted, so it has no runs left.
 */
export function createContestJob(deps: {
  contests: ContestStore;
  book: Pick<ContestBook, 'standing'>;
  teams: Pick<SalesTeamStore, 'everyWorkspace'>;
  jobs: JobStore;
  instance: string;
}): ScheduledJob {
  const { contests, book, teams, jobs } = deps;

  /** Contests whose posts may fall in [from, to), each with its teams that still exist. */
  async function contestsAround(from: Date, to: Date) {
    // A day of margin either side: a contest's days are local to its zone.
    const found = await contests.touching(utcDay(from, -(finalCatchUpDays + 2)), utcDay(to, 1));
    if (found.length === 0) return [];
    const all = await teams.everyWorkspace();
    return found.map((contest) => {
      const playing = contest.salesTeamIds.flatMap((id) => all.find((t) => t.teamId === contest.teamId && t.team.id === id)?.team ?? []);
      return { contest, playing, posts: [{ kind: contestStartKind, window: kickOffWindow(contest) }, { kind: contestEndKind, window: finalWindow(contest) }] satisfies Post[] };
    });
  }

  async function messageFor(post: Post, contest: Contest, playing: readonly SalesTeam[], now: Date): Promise<{ kind: string; payload: ContestCard | ContestResults }> {
    const card = contestCard({ contest, teams: playing.map((t) => t.name) });
    if (post.kind === contestStartKind) return { kind: post.kind, payload: card };
    const standing = await book.standing(contest, now);
    const winners = contestWinners(standing.lines);
    const winnerPeople = contest.mode === 'teams' ? [...new Set(winners.flatMap((w) => standing.members[w.id] ?? []))] : winners.map((w) => w.id);
    return { kind: post.kind, payload: { card, lines: standing.lines.slice(0, contestPostLines), total: standing.lines.length, winnerPeople } };
  }

  return {
    name: contestJobName,
    async plan(now) {
      const report: JobReport = { job: contestJobName, queued: 0, nothingToSay: 0, alreadyDone: 0, lines: [] };
      const due = (await contestsAround(now, now)).flatMap(({ contest, playing, posts }) =>
        posts.filter((post) => isDue(post.window, now)).map((post) => ({ contest, playing, post, keys: playing.map((team) => runKey(post.kind, contest, team)) })),
      );
      const done = await jobs.claimed(due.flatMap((d) => d.keys));
      for (const { contest, playing, post } of due) {
        const open = playing.filter((team) => !done.has(runKey(post.kind, contest, team)));
        const what = `the ${post.kind === contestStartKind ? 'kick-off' : 'results'} of "${contest.name}" in ${contest.teamId}`;
        report.alreadyDone += playing.length - open.length;
        if (open.length === 0) {
          report.lines.push(`skipped ${what}: already done`);
          continue;
        }
        // One standing for every channel of a contest: computed once, when its results fall due.
        const { kind, payload } = await messageFor(post, contest, playing, now);
        const runs = open.map((team) => {
          const run: RunClaim = { key: runKey(post.kind, contest, team), job: contestJobName, teamId: contest.teamId, subject: team.channelId, period: post.kind === contestStartKind ? contest.startsOn : contest.endsOn };
          const message: OutboxDraft = { teamId: contest.teamId, channel: team.channelId, kind, payload, notBefore: now, expiresAt: post.window.until };
          return { run, messages: [message], team };
        });
        const claimed = await jobs.claim(runs, deps.instance, now);
        for (const { run, team } of runs) {
          if (claimed.has(run.key)) {
            report.queued += 1;
            report.lines.push(`queued ${what} for ${team.name} (<#${team.channelId}>)`);
          } else {
            report.alreadyDone += 1;
            report.lines.push(`skipped ${what} for ${team.name}: already done`);
          }
        }
      }
      return report;
    },
    async runsBetween(from, to) {
      return (await contestsAround(from, to)).flatMap(({ contest, playing, posts }) =>
        posts
          .filter((post) => post.window.from >= from && post.window.from < to)
          .flatMap((post) =>
            playing.map((team): ScheduledRun => {
              const local = DateTime.fromJSDate(post.window.from, { zone: contest.timeZone });
              return {
                job: contestJobName,
                teamId: contest.teamId,
                subject: team.channelId,
                localDate: local.toISODate() ?? '',
                localTime: local.toFormat('HH:mm'),
                timeZone: contest.timeZone,
                at: post.window.from,
              };
            }),
          ),
      );
    },
  };
}
