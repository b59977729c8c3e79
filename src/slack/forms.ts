import type { ViewStateValue } from '@slack/bolt';
import {
  activeTypeKeys,
  activeTypeWords,
  activityTypeEditSchema,
  applyTypeEdit,
  defaultCountLimit,
  maxCount,
  maxDailyPointsCap,
  readAliases,
  type ActivityType,
  type ActivityTypeEdit,
} from '../domain/activity-types.js';
import { readFieldNumber, type DecimalSign } from '../domain/command-text.js';
import { validateGoalSpec, type GoalSpec } from '../domain/goal-command.js';
import { goalMetrics } from '../domain/goals.js';
import { checkLogDay, logDraftSchema, maxAmount, type LogDraft } from '../domain/log-command.js';
import { recurringPeriods, type Period } from '../domain/periods.js';
import { PacerError } from '../errors.js';
import { ids } from './ids.js';

type StateValues = Record<string, Record<string, ViewStateValue>>;
/** A field's mistake: the block it belongs to and the error to show under it. */
export type FieldErrors = Record<string, PacerError>;
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function read(values: StateValues, field: { block: string; action: string }): string | null {
  const state = values[field.block]?.[field.action];
  const raw = state?.selected_option?.value ?? state?.selected_date ?? state?.value ?? null;
  return raw === null || raw.trim() === '' ? null : raw.trim();
}

function productOf(raw: string | null): string {
  return (raw ?? '').replace(/^#/, '').toLowerCase();
}

/**
 * Reads the log form; every field is checked against the same rules as `/log`. The day is checked
 * against `today` (the rep's local date) when it is known; the log is checked again when written.
 * An empty day is today, and left out of the draft.
 */
export function readLogForm(values: StateValues, types: readonly ActivityType[], today?: string, decimal: DecimalSign = '.'): FormResult<LogDraft> {
  const f = ids.logModal;
  const typeKey = read(values, f.type);
  const type = types.find((t) => t.active && t.key === typeKey);
  const amountText = read(values, f.amount);
  const on = read(values, f.on);
  const errors: FieldErrors = {};
  if (!type) errors[f.type.block] = new PacerError('log_unknown_type', { given: typeKey ?? '', types: activeTypeWords(types).join(', ') });
  if (type?.unit === 'money' && amountText === null) errors[f.amount.block] = new PacerError('log_amount_missing', { type: type.key });
  if (on !== null && today !== undefined) {
    try {
      checkLogDay(on, today, on);
    } catch (error) {
      if (!(error instanceof PacerError)) throw error;
      errors[f.on.block] = error;
    }
  }
  const candidate = {
    typeKey: typeKey ?? '',
    count: Number(read(values, f.count) ?? Number.NaN),
    amount: amountText !== null ? (readFieldNumber(amountText, decimal) ?? Number.NaN) : null,
    lead: read(values, f.lead),
    productLine: productOf(read(values, f.product)) || null,
    note: read(values, f.note),
    ...(on !== null && on !== today ? { on } : {}),
  };
  const parsed = logDraftSchema.safeParse(candidate);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]);
    const byField: Record<string, [string, PacerError]> = {
      count: [f.count.block, new PacerError('log_count_invalid', { max: maxCount, type: typeKey ?? '' })],
      amount: [f.amount.block, new PacerError('log_amount_invalid', { max: maxAmount, type: typeKey ?? '' })],
      productLine: [f.product.block, new PacerError('product_invalid')],
      lead: [f.lead.block, new PacerError('log_text_too_long')],
      note: [f.note.block, new PacerError('log_text_too_long')],
      on: [f.on.block, new PacerError('log_date_unreadable', { given: on ?? '' })],
    };
    const [block, error] = byField[field] ?? [f.type.block, new PacerError('log_usage')];
    errors[block] ??= error;
  }
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors };
}

const goalErrorBlocks: Record<string, string> = {
  goal_target_invalid: ids.goalModal.target.block,
  product_invalid: ids.goalModal.product.block,
  goal_note_too_long: ids.goalModal.note.block,
  goal_dates_invalid: ids.goalModal.startsOn.block,
  date_impossible: ids.goalModal.startsOn.block,
  goal_dates_reversed: ids.goalModal.endsOn.block,
  goal_dates_past: ids.goalModal.endsOn.block,
  goal_dates_too_long: ids.goalModal.endsOn.block,
};

/** Reads the goal form (always for the submitter themself) with the same rules as `/goal`. */
export function readGoalForm(values: StateValues, types: readonly ActivityType[], today: string, decimal: DecimalSign = '.'): FormResult<GoalSpec> {
  const f = ids.goalModal;
  const metric = read(values, f.metric);
  if (!metric || !goalMetrics(activeTypeKeys(types)).includes(metric)) {
    return { ok: false, errors: { [f.metric.block]: new PacerError('goal_unknown_metric', { given: metric ?? '', metrics: goalMetrics(activeTypeWords(types)).join(', ') }) } };
  }
  const kind = read(values, f.period);
  const recurring = recurringPeriods.find((p) => p === kind);
  const period: Period | null =
    recurring
      ? { kind: recurring }
      : kind === 'custom'
        ? { kind: 'custom', startsOn: read(values, f.startsOn) ?? '', endsOn: read(values, f.endsOn) ?? '' }
        : null;
  if (!period) return { ok: false, errors: { [f.period.block]: new PacerError('goal_period_missing') } };
  try {
    const spec = validateGoalSpec(
      {
        metric,
        target: readFieldNumber(read(values, f.target) ?? '', decimal) ?? Number.NaN,
        period,
        productLine: productOf(read(values, f.product)),
        note: read(values, f.note),
      },
      today,
    );
    return { ok: true, value: spec };
  } catch (error) {
    if (!(error instanceof PacerError)) throw error;
    return { ok: false, errors: { [goalErrorBlocks[error.code] ?? f.target.block]: error } };
  }
}

/**
 * Reads the activity type form and checks it against the workspace's other types, so a taken
 * alias shows under its field. `key` is the type being changed, null for a new one.
 */
export function readActivityTypeForm(values: StateValues, types: readonly ActivityType[], key: string | null): FormResult<ActivityTypeEdit> {
  const f = ids.activityTypeForm;
  const existing = types.find((t) => t.key === key);
  const label = read(values, f.label) ?? '';
  const aliases = readAliases(read(values, f.aliases));
  const dailyPointsCap = read(values, f.dailyPointsCap);
  if (aliases === undefined) return { ok: false, errors: { [f.aliases.block]: new PacerError('type_aliases_invalid') } };
  const parsed = activityTypeEditSchema.safeParse({
    label,
    labelPlural: read(values, f.plural),
    aliases,
    unit: existing?.unit ?? read(values, f.unit),
    points: Number(read(values, f.points) ?? Number.NaN),
    active: (values[f.active.block]?.[f.active.action]?.selected_options ?? []).some((o) => o.value === 'active'),
    // A money type's form has no limit to show (its number is the amount): it keeps what it had.
    countLimit: Number(read(values, f.countLimit) ?? existing?.countLimit ?? defaultCountLimit),
    dailyPointsCap: dailyPointsCap === null ? null : Number(dailyPointsCap),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    const byField: Record<string, [string, PacerError]> = {
      labelPlural: [f.plural.block, new PacerError('type_label_invalid')],
      aliases: [f.aliases.block, new PacerError('type_aliases_invalid')],
      unit: [f.unit.block, new PacerError('type_unit_missing')],
      points: [f.points.block, new PacerError('type_points_invalid')],
      countLimit: [f.countLimit.block, new PacerError('type_count_limit_invalid', { max: maxCount })],
      dailyPointsCap: [f.dailyPointsCap.block, new PacerError('type_daily_points_cap_invalid', { max: maxDailyPointsCap })],
    };
    const [block, error] = byField[field] ?? [f.label.block, new PacerError('type_label_invalid')];
    return { ok: false, errors: { [block]: error } };
  }
  try {
    applyTypeEdit(types, key, parsed.data);
    return { ok: true, value: parsed.data };
  } catch (error) {
    if (!(error instanceof PacerError)) throw error;
    const word = String(error.vars.word ?? '');
    const named = [parsed.data.label, parsed.data.labelPlural].some((l) => l?.toLowerCase() === word);
    return { ok: false, errors: { [word && !named ? f.aliases.block : f.label.block]: error } };
  }
}
