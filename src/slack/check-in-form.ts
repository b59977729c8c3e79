import type { ViewStateValue } from '@slack/bolt';
import type { CheckInSetupContent, SetupQuestion } from '../../blocks/check-in-setup.js';
import {
  defaultCheckInQuestions,
  type AnswerFieldError,
  type CheckInQuestion,
  type CheckInSchedule,
  type RawAnswer,
  type SetupFieldError,
} from '../domain/check-ins.js';
import type { Translator } from '../i18n/index.js';
import type { SetupOrigin } from './check-in-values.js';
import type { FieldErrors } from './forms.js';
import { ids } from './ids.js';

type StateValues = Record<string, Record<string, ViewStateValue>>;

function read(values: StateValues, block: string, action: string): string | null {
  const state = values[block]?.[action];
  const raw = state?.selected_option?.value ?? state?.value ?? null;
  return raw === null || raw.trim() === '' ? null : raw;
}

const s = ids.checkIn.setup;

/** The default questions in the manager's language: what `/checkin setup` opens with. */
export function defaultSetupQuestions(tr: Translator): CheckInQuestion[] {
  return defaultCheckInQuestions.map((q) => ({ ...q, label: tr.t(`checkin.defaultQuestions.${q.id}`) }));
}

export function scheduleFields(schedule: CheckInSchedule): CheckInSetupContent['schedule'] {
  return { weekday: String(schedule.weekday), at: schedule.at, reminderHours: String(schedule.reminderHours) };
}

/** The setup form as typed: its questions in the order the form carries, and the schedule's fields. */
export function readSetupForm(values: StateValues, origin: SetupOrigin): { questions: SetupQuestion[]; schedule: CheckInSetupContent['schedule'] } {
  return {
    questions: origin.questions.map(({ id, role }) => ({
      id,
      role,
      label: read(values, `${s.label.block}${id}`, `${s.label.action}${id}`) ?? '',
      kind: read(values, `${s.kind.block}${id}`, `${s.kind.action}${id}`) ?? '',
    })),
    schedule: {
      weekday: read(values, s.weekday.block, s.weekday.action),
      at: read(values, s.at.block, s.at.action),
      reminderHours: read(values, s.reminder.block, s.reminder.action),
    },
  };
}

/** Each setup mistake under its field. */
export function setupFieldErrors(errors: readonly SetupFieldError[]): FieldErrors {
  const blocks: FieldErrors = {};
  for (const { field, error } of errors) {
    const block =
      field === 'weekday' ? s.weekday.block
      : field === 'at' ? s.at.block
      : field === 'reminder' ? s.reminder.block
      : `${field.part === 'label' ? s.label.block : s.kind.block}${field.question}`;
    blocks[block] ??= error;
  }
  return blocks;
}

const a = ids.checkIn.answer;

/** The answer form's fields by question id: the value, and a yes/no's "what". */
export function readAnswerForm(values: StateValues, questions: readonly CheckInQuestion[]): Record<string, RawAnswer> {
  return Object.fromEntries(
    questions.map((q) => [q.id, { value: read(values, `${a.value.block}${q.id}`, `${a.value.action}${q.id}`), detail: read(values, `${a.detail.block}${q.id}`, `${a.detail.action}${q.id}`) }]),
  );
}

export function answerFieldErrors(errors: readonly AnswerFieldError[]): FieldErrors {
  const blocks: FieldErrors = {};
  for (const { question, part, error } of errors) blocks[`${part === 'value' ? a.value.block : a.detail.block}${question}`] ??= error;
  return blocks;
}
