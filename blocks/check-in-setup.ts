import type { ActionsBlock, Button, InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  checkInQuestionKinds,
  maxCheckInQuestions,
  maxQuestionLabel,
  reminderHourChoices,
  type CheckInRole,
} from '../src/domain/check-ins.js';
import type { Translator } from '../src/i18n/index.js';
import { encodeSetupOrigin } from '../src/slack/check-in-values.js';
import { ids } from '../src/slack/ids.js';
import { limits, plain, section, selectField, selectOption, textField } from './text.js';

/** A question as the setup form shows it: what was typed may still be wrong (checked on save). */
export interface SetupQuestion {
  id: string;
  kind: string;
  label: string;
  role: CheckInRole | null;
}

export interface CheckInSetupContent {
  salesTeamId: string;
  teamName: string;
  questions: readonly SetupQuestion[];
  /** As typed (the form redrawn after a question moved), or the saved schedule written out. */
  schedule: { weekday: string | null; at: string | null; reminderHours: string | null };
}

const f = ids.checkIn.setup;
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

function select(tr: Translator, field: { block: string; action: string }, label: string, choices: PlainTextOption[], initial: string): InputBlock {
  return selectField(field, label, { choices, placeholder: tr.t('checkin.setup.pick'), initial });
}

function tools(tr: Translator, question: SetupQuestion, index: number, count: number): ActionsBlock | null {
  const button = (actionId: string, text: string): Button => ({ type: 'button', action_id: actionId, value: question.id, text: plain(text, limits.buttonText) });
  const elements: Button[] = [
    ...(index > 0 ? [button(ids.checkIn.actions.moveUp, tr.t('checkin.setup.up'))] : []),
    ...(index < count - 1 ? [button(ids.checkIn.actions.moveDown, tr.t('checkin.setup.down'))] : []),
    ...(count > 1 ? [button(ids.checkIn.actions.removeQuestion, tr.t('checkin.setup.remove'))] : []),
  ];
  return elements.length > 0 ? { type: 'actions', block_id: `${f.tools}${question.id}`, elements } : null;
}

/** The form behind `/checkin setup`: the questions (typed, in order, with buttons to move and remove them) and the schedule. */
export function buildCheckInSetupModal(tr: Translator, content: CheckInSetupContent): ModalView {
  const { questions, schedule } = content;
  const kinds = checkInQuestionKinds.map((kind) => selectOption(tr.t(`checkin.kinds.${kind}`), kind));
  const questionBlocks = questions.flatMap((q, i): KnownBlock[] => {
    const row = tools(tr, q, i, questions.length);
    return [
      textField({ block: `${f.label.block}${q.id}`, action: `${f.label.action}${q.id}` }, tr.t('checkin.setup.question', { n: i + 1 }), { maxLength: maxQuestionLabel, initial: q.label }),
      select(tr, { block: `${f.kind.block}${q.id}`, action: `${f.kind.action}${q.id}` }, tr.t('checkin.setup.kind'), kinds, q.kind),
      ...(row ? [row] : []),
    ];
  });
  const add: KnownBlock[] =
    questions.length < maxCheckInQuestions
      ? [{ type: 'actions', block_id: 'checkin_add', elements: [{ type: 'button', action_id: ids.checkIn.actions.addQuestion, value: 'add', text: plain(tr.t('checkin.setup.add'), limits.buttonText) }] }]
      : [];
  return {
    type: 'modal',
    callback_id: ids.checkIn.views.setup,
    title: plain(tr.t('checkin.setup.title'), limits.modalTitle),
    submit: plain(tr.t('checkin.setup.save'), limits.modalTitle),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    private_metadata: encodeSetupOrigin({ salesTeamId: content.salesTeamId, teamName: content.teamName, questions: questions.map(({ id, role }) => ({ id, role })) }),
    blocks: [
      section(tr.t('checkin.setup.intro', { team: content.teamName })),
      ...questionBlocks,
      ...add,
      { type: 'divider' },
      select(tr, f.weekday, tr.t('checkin.setup.weekday'), weekdays.map((d) => selectOption(tr.weekday(d), String(d))), schedule.weekday ?? ''),
      textField(f.at, tr.t('checkin.setup.at'), { maxLength: 8, initial: schedule.at ?? '', hint: tr.t('checkin.setup.atHint'), placeholder: '15:00' }),
      select(tr, f.reminder, tr.t('checkin.setup.reminder'), reminderHourChoices.map((h) => selectOption(tr.t('checkin.setup.reminderHours', { count: h }), String(h))), schedule.reminderHours ?? ''),
    ],
  };
}
