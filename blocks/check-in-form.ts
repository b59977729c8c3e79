import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { maxCoachingNote, maxTextAnswer, type CheckInAnswerValue, type CheckInQuestion } from '../src/domain/check-ins.js';
import type { Translator } from '../src/i18n/index.js';
import { encodeRep, encodeRound, type RepRef, type RoundRef } from '../src/slack/check-in-values.js';
import { ids } from '../src/slack/ids.js';
import { context, limits, mrkdwn, plain, section, selectField, selectOption } from './text.js';

export interface CheckInFormContent {
  teamName: string;
  salesTeamId: string;
  week: string;
  questions: readonly CheckInQuestion[];
  lastCommitment: string | null;
  /** What the rep answered before, to change. */
  answers: Readonly<Record<string, CheckInAnswerValue>> | null;
}

const a = ids.checkIn.answer;
const valueField = (q: CheckInQuestion) => ({ block: `${a.value.block}${q.id}`, action: `${a.value.action}${q.id}` });
const detailField = (q: CheckInQuestion) => ({ block: `${a.detail.block}${q.id}`, action: `${a.detail.action}${q.id}` });

function selectInput(tr: Translator, q: CheckInQuestion, choices: PlainTextOption[], initial: string | null): InputBlock {
  return selectField(valueField(q), q.label, { choices, placeholder: tr.t('checkin.form.pick'), initial });
}

function textInput(field: { block: string; action: string }, label: string, options: { multiline: boolean; optional: boolean; initial: string | null }): InputBlock {
  return {
    type: 'input',
    block_id: field.block,
    optional: options.optional,
    label: plain(label, 2000),
    element: {
      type: 'plain_text_input',
      action_id: field.action,
      multiline: options.multiline,
      max_length: maxTextAnswer,
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}

function questionInputs(tr: Translator, q: CheckInQuestion, answer: CheckInAnswerValue | undefined): InputBlock[] {
  switch (q.kind) {
    case 'text':
      return [textInput(valueField(q), q.label, { multiline: true, optional: false, initial: typeof answer === 'string' ? answer : null })];
    case 'number':
      return [textInput(valueField(q), q.label, { multiline: false, optional: false, initial: typeof answer === 'number' ? String(answer) : null })];
    case 'scale':
      return [selectInput(tr, q, [1, 2, 3, 4, 5].map((n) => selectOption(tr.t(`checkin.form.scale${n}`), String(n))), typeof answer === 'number' ? String(answer) : null)];
    case 'yesno': {
      const given = typeof answer === 'object' ? answer : null;
      return [
        selectInput(tr, q, [selectOption(tr.t('checkin.form.yes'), 'yes'), selectOption(tr.t('checkin.form.no'), 'no')], given ? (given.yes ? 'yes' : 'no') : null),
        textInput(detailField(q), tr.t('checkin.form.what'), { multiline: true, optional: true, initial: given?.detail ?? null }),
      ];
    }
  }
}

/** The rep's check-in form: last week's commitment, then one field per question (a yes/no with its "what"). */
export function buildCheckInModal(tr: Translator, content: CheckInFormContent): ModalView {
  const ref: RoundRef = { salesTeamId: content.salesTeamId, week: content.week };
  const intro: KnownBlock[] = [
    context(tr.t('checkin.form.intro', { team: content.teamName, date: tr.date(content.week) })),
    ...(content.lastCommitment ? [section(tr.t('checkin.form.lastCommitment', { commitment: content.lastCommitment }))] : []),
  ];
  return {
    type: 'modal',
    callback_id: ids.checkIn.views.answer,
    title: plain(tr.t('checkin.form.title'), limits.modalTitle),
    submit: plain(tr.t('checkin.form.send'), limits.modalTitle),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    private_metadata: encodeRound(ref),
    blocks: [...intro, ...content.questions.flatMap((q) => questionInputs(tr, q, content.answers?.[q.id]))],
  };
}

/** A manager's coaching note on one rep's check-in: private to the rep and the team's managers. */
export function buildCoachingNoteModal(tr: Translator, ref: RepRef): ModalView {
  return {
    type: 'modal',
    callback_id: ids.checkIn.views.coachingNote,
    title: plain(tr.t('checkin.note.title'), limits.modalTitle),
    submit: plain(tr.t('checkin.note.send'), limits.modalTitle),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    private_metadata: encodeRep(ref),
    blocks: [
      { type: 'section', text: mrkdwn(tr.t('checkin.note.intro', { rep: ref.repId, date: tr.date(ref.week) })) },
      {
        type: 'input',
        block_id: ids.checkIn.note.block,
        label: plain(tr.t('checkin.note.label'), 2000),
        element: { type: 'plain_text_input', action_id: ids.checkIn.note.action, multiline: true, max_length: maxCoachingNote },
      },
    ],
  };
}
