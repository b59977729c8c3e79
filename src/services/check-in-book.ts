import type { Clock } from '../clock.js';
import {
  answerableCheckIn,
  checkInFlags,
  commitmentOf,
  latestCheckIn,
  roundStanding,
  type CheckInAnswer,
  type CheckInAnswers,
  type CheckInQuestion,
  type CheckInRound,
  type CheckInSetup,
  type CoachingNote,
  type RoundStanding,
} from '../domain/check-ins.js';
import type { Member } from '../domain/members.js';
import { mayRunTeam } from '../domain/roles.js';
import type { SalesTeam } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import type { CheckInStore, RoundKey } from '../store/check-in-store.js';
import type { SalesTeamStore } from '../store/sales-team-store.js';
import type { RoleBook } from './role-book.js';

/** The check-in a rep answers now: its team, week, questions, and what they committed to last time. */
export interface CheckInForm {
  team: SalesTeam;
  week: string;
  questions: CheckInQuestion[];
  lastCommitment: string | null;
  /** Their answer so far this week, shown in the form to change. */
  answer: CheckInAnswer | null;
}

export interface SubmittedCheckIn {
  team: SalesTeam;
  round: CheckInRound | null;
  answer: CheckInAnswer;
  questions: CheckInQuestion[];
}

export interface CheckInStatus {
  team: SalesTeam;
  round: CheckInRound;
  standing: RoundStanding;
}

export interface CheckInBook {
  /** The team whose check-in a manager sets up (named, or the first they run) and its setup, if any. */
  setupFor(actor: Member, teamName: string | null): Promise<{ team: SalesTeam; setup: CheckInSetup | null }>;
  saveSetup(actor: Member, salesTeamId: string, setup: Omit<CheckInSetup, 'salesTeamId' | 'createdAt'>): Promise<{ team: SalesTeam; setup: CheckInSetup }>;
  /** The questions of a week's check-in as asked (or as set up, before it opens); null when there is none. */
  questionsFor(teamId: string, key: Omit<RoundKey, 'teamId'>): Promise<CheckInQuestion[] | null>;
  /** The rep's check-in of now (from the evening before it, until the next one opens). */
  formFor(actor: Member, salesTeamId?: string): Promise<CheckInForm>;
  submit(actor: Member, salesTeamId: string, week: string, answers: CheckInAnswers): Promise<SubmittedCheckIn>;
  skip(actor: Member, reason: string): Promise<SubmittedCheckIn>;
  status(actor: Member, teamName: string | null): Promise<CheckInStatus>;
  /** The reps of the team's newest check-in who have neither answered nor skipped. */
  missing(actor: Member, salesTeamId: string, week: string): Promise<{ team: SalesTeam; missing: string[] }>;
  /** A rep's answer, for a manager of the team to coach on. */
  answerToCoach(actor: Member, key: RoundKey, repId: string): Promise<{ team: SalesTeam; answer: CheckInAnswer }>;
  addCoachingNote(actor: Member, key: RoundKey, repId: string, note: string): Promise<{ team: SalesTeam; note: CoachingNote }>;
}

export function createCheckInBook(deps: { checkIns: CheckInStore; teams: SalesTeamStore; roles: RoleBook; clock: Clock }): CheckInBook {
  const { checkIns, teams, roles, clock } = deps;

  async function teamRun(actor: Member, salesTeamId: string): Promise<SalesTeam> {
    const team = await teams.findById(actor.teamId, salesTeamId);
    if (!team) throw new PacerError('checkin_team_gone');
    if (!mayRunTeam(await roles.of(actor), team.id)) throw new PacerError('checkin_forbidden', { team: team.name });
    return team;
  }

  /** A team named, or else the first by name the actor runs. */
  async function managedTeam(actor: Member, teamName: string | null): Promise<SalesTeam> {
    if (teamName !== null) {
      const team = await teams.findByName(actor.teamId, teamName);
      if (!team) throw new PacerError('checkin_team_unknown', { team: teamName });
      return teamRun(actor, team.id);
    }
    const actorRoles = await roles.of(actor);
    const run = (await teams.list(actor.teamId)).filter((t) => actorRoles.manages.includes(t.id)).sort((a, b) => a.name.localeCompare(b.name));
    const [first] = run;
    if (!first) throw new PacerError('checkin_no_team_run');
    return first;
  }

  async function repCheckIn(actor: Member, salesTeamId?: string): Promise<{ team: SalesTeam; setup: CheckInSetup }> {
    const own = (await teams.teamsOfRep(actor.teamId, actor.userId)).sort((a, b) => a.name.localeCompare(b.name));
    const setups = await checkIns.setupsOf(actor.teamId, own.map((t) => t.id));
    const team = own.find((t) => setups.some((s) => s.salesTeamId === t.id) && (salesTeamId === undefined || t.id === salesTeamId));
    const setup = team && setups.find((s) => s.salesTeamId === team.id);
    if (team && setup) return { team, setup };
    if (salesTeamId !== undefined) throw new PacerError('checkin_not_member');
    // A manager typing the reps' command is shown their own: the form is for reps.
    throw new PacerError((await roles.of(actor)).manages.length > 0 ? 'checkin_for_reps' : 'checkin_none');
  }

  async function save(actor: Member, team: SalesTeam, week: string, answer: { answers: CheckInAnswers | null; skippedReason: string | null }, questions: CheckInQuestion[]) {
    const key = { teamId: actor.teamId, salesTeamId: team.id, week };
    const round = await checkIns.round(key);
    const now = clock.now();
    // An answer after the close is accepted, and shown as late.
    const late = round !== null && (round.closedAt !== null || round.closesAt <= now);
    const flagged = answer.answers !== null && checkInFlags(questions, answer.answers).length > 0;
    const saved = { ...key, userId: actor.userId, ...answer, flagged, late, submittedAt: now };
    await checkIns.saveAnswer(saved);
    return { team, round, answer: { ...saved, threadPosts: [] }, questions };
  }

  return {
    async setupFor(actor, teamName) {
      const team = await managedTeam(actor, teamName);
      return { team, setup: await checkIns.setup(actor.teamId, team.id) };
    },
    async saveSetup(actor, salesTeamId, setup) {
      const team = await teamRun(actor, salesTeamId);
      return { team, setup: await checkIns.saveSetup(actor.teamId, { ...setup, salesTeamId }, actor.userId, clock.now()) };
    },
    async questionsFor(teamId, key) {
      const round = await checkIns.round({ teamId, ...key });
      return round?.questions ?? (await checkIns.setup(teamId, key.salesTeamId))?.questions ?? null;
    },
    async formFor(actor, salesTeamId) {
      const { team, setup } = await repCheckIn(actor, salesTeamId);
      const { week } = answerableCheckIn(setup, actor.timeZone, clock.now(), setup.createdAt);
      const key = { teamId: actor.teamId, salesTeamId: team.id, week };
      const [round, answer, previous] = await Promise.all([checkIns.round(key), checkIns.answer(key, actor.userId), checkIns.previousAnswer(key, actor.userId)]);
      const questions = round?.questions ?? setup.questions;
      const lastCommitment = previous && commitmentOf((await checkIns.round({ ...key, week: previous.week }))?.questions ?? setup.questions, previous.answers);
      return { team, week, questions, lastCommitment, answer };
    },
    async submit(actor, salesTeamId, week, answers) {
      const { team, setup } = await repCheckIn(actor, salesTeamId);
      const now = clock.now();
      // The form stays answerable until the next check-in opens; one opened before that is refused.
      const latest = latestCheckIn(setup, actor.timeZone, now);
      const open = [answerableCheckIn(setup, actor.timeZone, now, setup.createdAt).week, ...(latest.askAt >= setup.createdAt ? [latest.week] : [])];
      if (!open.includes(week)) throw new PacerError('checkin_week_over');
      const round = await checkIns.round({ teamId: actor.teamId, salesTeamId, week });
      return save(actor, team, week, { answers, skippedReason: null }, round?.questions ?? setup.questions);
    },
    async skip(actor, reason) {
      const { team, setup } = await repCheckIn(actor);
      const { week } = answerableCheckIn(setup, actor.timeZone, clock.now(), setup.createdAt);
      return save(actor, team, week, { answers: null, skippedReason: reason }, setup.questions);
    },
    async status(actor, teamName) {
      const team = await managedTeam(actor, teamName);
      const round = await checkIns.latestRound(actor.teamId, team.id);
      if (!round) throw new PacerError((await checkIns.setup(actor.teamId, team.id)) ? 'checkin_not_yet' : 'checkin_not_set_up', { team: team.name });
      return { team, round, standing: roundStanding(round, await checkIns.answers(round)) };
    },
    async missing(actor, salesTeamId, week) {
      const team = await teamRun(actor, salesTeamId);
      const round = await checkIns.round({ teamId: actor.teamId, salesTeamId, week });
      if (!round) throw new PacerError('stale_button');
      return { team, missing: roundStanding(round, await checkIns.answers(round)).missing };
    },
    async answerToCoach(actor, key, repId) {
      const team = await teamRun(actor, key.salesTeamId);
      const answer = await checkIns.answer({ ...key, teamId: actor.teamId }, repId);
      if (!answer) throw new PacerError('stale_button');
      return { team, answer };
    },
    async addCoachingNote(actor, key, repId, text) {
      const { team } = await this.answerToCoach(actor, key, repId);
      const note = { salesTeamId: key.salesTeamId, week: key.week, repId, managerId: actor.userId, note: text, createdAt: clock.now() };
      await checkIns.addCoachingNote(actor.teamId, note);
      return { team, note };
    },
  };
}
