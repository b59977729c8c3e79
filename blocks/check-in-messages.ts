import type { KnownBlock } from '@slack/types';
import type { CheckInAnswer, CheckInFlag, CheckInQuestion, CheckInSchedule, RoundStanding } from '../src/domain/check-ins.js';
import { escapeMrkdwn, type Translator } from '../src/i18n/index.js';
import { encodeRep, encodeRound, type RoundRef } from '../src/slack/check-in-values.js';
import { ids } from '../src/slack/ids.js';
import { clip, context, limits, plain, section, type SlackMessage } from './text.js';

const mentions = (userIds: readonly string[]) => userIds.map((id) => `<@${id}>`).join(', ');

function button(actionId: string, text: string, value: string, primary = false): KnownBlock {
  return { type: 'actions', elements: [{ type: 'button', action_id: actionId, value, text: plain(text, limits.buttonText), ...(primary ? { style: 'primary' as const } : {}) }] };
}

export interface CheckInAskContent extends RoundRef {
  teamName: string;
  /** The rep's goals against pace, one line each, drawn when the DM is sent. */
  standings: readonly string[];
  lastCommitment: string | null;
  reminder: boolean;
}

/** The rep's weekly DM: the week's numbers against goal, last week's commitment, and the button that opens the form. */
export function buildCheckInAsk(tr: Translator, content: CheckInAskContent): SlackMessage {
  const title = tr.t(content.reminder ? 'checkin.ask.reminder' : 'checkin.ask.title', { team: content.teamName });
  const numbers = content.standings.length > 0 ? `${tr.t('checkin.ask.numbers')}\n${content.standings.map((line) => `• ${line}`).join('\n')}` : tr.t('checkin.ask.noGoals');
  return {
    text: title,
    blocks: [
      section(`*${title}*`),
      ...(content.reminder ? [] : [section(numbers)]),
      ...(content.lastCommitment ? [section(tr.t('checkin.ask.lastCommitment', { commitment: clip(content.lastCommitment, 1000) }))] : []),
      button(ids.checkIn.actions.start, tr.t('checkin.ask.start'), encodeRound(content), true),
      context(tr.t('checkin.ask.footer')),
    ],
  };
}

export interface CheckInSummaryContent {
  teamName: string;
  week: string;
  standing: RoundStanding;
  closed: boolean;
  /** Skipped reps' reasons, by rep. */
  skipReasons: ReadonlyMap<string, string>;
}

/** The managers' one message per team and week, redrawn in place as answers come and when it closes. */
export function buildCheckInSummary(tr: Translator, content: CheckInSummaryContent): SlackMessage {
  const { standing } = content;
  const title = tr.t(content.closed ? 'checkin.summary.titleClosed' : 'checkin.summary.title', { team: content.teamName, date: tr.date(content.week) });
  const lines = [
    tr.t('checkin.summary.answered', { answered: standing.answered.length, count: standing.expected }),
    ...(standing.flagged.length > 0 ? [tr.t('checkin.summary.flagged', { reps: mentions(standing.flagged), count: standing.flagged.length })] : []),
    ...(standing.missing.length > 0 ? [tr.t(content.closed ? 'checkin.summary.missingClosed' : 'checkin.summary.missing', { reps: mentions(standing.missing) })] : []),
    ...standing.skipped.map((id) => tr.t('checkin.summary.skipped', { rep: id, reason: content.skipReasons.get(id) ?? '' })),
    ...(standing.away.length > 0 ? [tr.t('checkin.summary.away', { reps: mentions(standing.away) })] : []),
    ...(standing.late.length > 0 ? [tr.t('checkin.summary.late', { reps: mentions(standing.late) })] : []),
  ];
  return { text: title, blocks: [section(`*${title}*`), section(lines.join('\n')), context(tr.t('checkin.summary.footer'))] };
}

function answerText(tr: Translator, question: CheckInQuestion, answer: CheckInAnswer): string {
  const value = answer.answers?.[question.id];
  const shown =
    value === undefined ? '—'
    : typeof value === 'object' ? (value.yes ? tr.t('checkin.form.yes') + (value.detail ? ` — ${value.detail}` : '') : tr.t('checkin.form.no'))
    : question.kind === 'scale' ? `${value} / 5`
    : typeof value === 'number' ? tr.number(value, 2)
    : value;
  return `*${escapeMrkdwn(question.label)}*\n${escapeMrkdwn(clip(shown, 1500))}`;
}

export interface CheckInReplyContent extends RoundRef {
  questions: readonly CheckInQuestion[];
  answer: CheckInAnswer;
  flags: readonly CheckInFlag[];
}

/** One rep's check-in as a reply in the managers' thread: flagged when due, with a coaching note button. */
export function buildCheckInReply(tr: Translator, content: CheckInReplyContent): SlackMessage {
  const { answer } = content;
  const marks = [
    ...content.flags.map((flag) => tr.t(`checkin.reply.flag_${flag}`)),
    ...(answer.late ? [tr.t('checkin.reply.late')] : []),
  ];
  const head = tr.t('checkin.reply.head', { rep: answer.userId }) + (marks.length > 0 ? ` · ${marks.join(' · ')}` : '');
  if (answer.skippedReason !== null) {
    const text = tr.t('checkin.reply.skipped', { rep: answer.userId, reason: answer.skippedReason });
    return { text, blocks: [section(text)] };
  }
  // Questions beyond what a message holds are cut; ten questions stay far below Slack's limits.
  const blocks: KnownBlock[] = [
    section(head),
    ...content.questions.map((q) => section(answerText(tr, q, answer))),
    button(ids.checkIn.actions.coachingNote, tr.t('checkin.reply.coach'), encodeRep({ salesTeamId: content.salesTeamId, week: content.week, repId: answer.userId })),
  ];
  return { text: tr.t('checkin.reply.text', { rep: answer.userId }), blocks };
}

export interface CheckInStatusContent extends RoundRef {
  teamName: string;
  standing: RoundStanding;
  closed: boolean;
}

/** `/checkin status`: who answered (with flags), who did not, who skipped or is away; a button to nudge the missing. */
export function buildCheckInStatus(tr: Translator, content: CheckInStatusContent): SlackMessage {
  const { standing } = content;
  const title = tr.t('checkin.status.title', { team: content.teamName, date: tr.date(content.week) });
  const line = (key: string, reps: readonly string[]) => (reps.length > 0 ? [tr.t(key, { reps: mentions(reps), count: reps.length })] : []);
  const text = [
    tr.t('checkin.summary.answered', { answered: standing.answered.length, count: standing.expected }),
    ...line('checkin.status.answered', standing.answered),
    ...line('checkin.summary.flagged', standing.flagged),
    ...line('checkin.status.missing', standing.missing),
    ...line('checkin.status.skipped', standing.skipped),
    ...line('checkin.summary.away', standing.away),
    ...(content.closed ? [tr.t('checkin.status.closed')] : []),
  ].join('\n');
  return {
    text: title,
    blocks: [
      section(`*${title}*`),
      section(text),
      ...(standing.missing.length > 0 ? [button(ids.checkIn.actions.nudgeMissing, tr.t('checkin.status.nudge'), encodeRound(content))] : []),
    ],
  };
}

export interface SetupSavedContent {
  teamName: string;
  schedule: CheckInSchedule;
  questions: number;
  /** The managers' channel the summaries go to; null: each manager gets them by DM. */
  digestChannelId: string | null;
}

export function buildCheckInSetupSaved(tr: Translator, content: SetupSavedContent): SlackMessage {
  const day = tr.weekday(content.schedule.weekday);
  const text = tr.t('checkin.setup.saved', { team: content.teamName, count: content.questions, day, at: content.schedule.at, hours: tr.t('checkin.setup.reminderHours', { count: content.schedule.reminderHours }) });
  const where = content.digestChannelId ? tr.t('checkin.setup.toChannel', { channel: content.digestChannelId }) : tr.t('checkin.setup.toManagers', { team: content.teamName });
  return { text, blocks: [section(text), context(where, tr.t('checkin.setup.next'))] };
}

/** A plain line to one person (saved, sent, nudged); the text is already translated. */
export function buildCheckInNote(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
