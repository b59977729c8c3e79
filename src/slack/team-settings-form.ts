import type { ViewStateValue } from '@slack/bolt';
import { z } from 'zod';
import type { TeamSettingsTarget } from '../../blocks/team-settings-modal.js';
import { activeTypeWords, type ActivityType } from '../domain/activity-types.js';
import { readFieldNumber, type DecimalSign } from '../domain/command-text.js';
import type { Ranking } from '../domain/board.js';
import { readClockTime } from '../domain/nudge-schedule.js';
import { estimatesPerQuotaUnitSchema, isTeamTimeZone } from '../domain/pacer-command.js';
import { maxEstimatesPerQuotaUnit, organisations, type TeamSettings } from '../domain/sales-teams.js';
import { readCurrency, spokenLanguages, type ChosenVoice } from '../domain/spoken-words.js';
import type { DigestSchedule, WeeklySlot } from '../domain/team-schedules.js';
import { PacerError } from '../errors.js';
import { readJson } from './button-values.js';
import type { FieldErrors, FormResult } from './forms.js';
import { ids, teamSettingsBlock } from './ids.js';

type StateValues = Record<string, Record<string, ViewStateValue>>;
type Field = { block: string; action: string };

const targetSchema = z.object({
  salesTeamId: z.uuid(),
  channelId: z.string().regex(/^[CDG][A-Z0-9]+$/).nullable(),
});

/** The team a settings form is for and where it was opened, from private_metadata (untrusted); null when it does not read. */
export function readTeamSettingsTarget(raw: string | undefined): TeamSettingsTarget | null {
  return readJson(targetSchema, raw);
}

/** The daily digest menu's value for "no daily digest". */
export const dailyDigestOff = 'off';

/** A ranking as a menu value; a metric is prefixed, since an admin may name a type "goal". */
export function rankingValue(ranking: Ranking): string {
  return ranking.by === 'metric' ? `metric:${ranking.metric}` : ranking.by;
}

/** What a board may rank by: points, goal attainment, revenue and each active activity type. */
export function rankingChoices(types: readonly ActivityType[]): { value: string; ranking: Ranking }[] {
  const rankings: Ranking[] = [
    { by: 'points' },
    { by: 'goal' },
    { by: 'metric', metric: 'revenue' },
    ...types.filter((t) => t.active).map((t): Ranking => ({ by: 'metric', metric: t.key })),
  ];
  return rankings.map((ranking) => ({ value: rankingValue(ranking), ranking }));
}

/** The form's own times are 'HH:MM'; anything else was not offered. */
const clockTime = z.string().refine((t) => readClockTime(t) === t);
const weekday = z.literal([1, 2, 3, 4, 5, 6, 7]);
const weeklySlot = z.object({ enabled: z.boolean(), weekday, at: clockTime });
const channelId = z.string().regex(/^[CG][A-Z0-9]+$/);
const settingsSchema = z.object({
  channelId,
  digestChannelId: channelId.nullable(),
  organisedBy: z.enum(organisations),
  timeZone: z.string().refine(isTeamTimeZone).nullable(),
  weekStartsOn: weekday,
  estimatesPerQuotaUnit: estimatesPerQuotaUnitSchema,
  board: weeklySlot,
  digest: z.object({ weekly: weeklySlot, dailyAt: clockTime.nullable() }),
});

/** Every setting the form holds, the schedules whole. */
export type TeamSettingsForm = Required<Omit<TeamSettings, 'leadRules' | 'board' | 'digest'>> & { board: WeeklySlot; digest: DigestSchedule };

/** The workspace fields (admins' forms only): null when the form had none. */
export function readWorkspaceVoiceForm(values: StateValues): FormResult<ChosenVoice> | null {
  const f = ids.teamSettingsModal;
  const language = values[f.language.block]?.[f.language.action];
  if (language === undefined) return null;
  const chosen = spokenLanguages.find((known) => known === language.selected_option?.value);
  const given = (values[f.currency.block]?.[f.currency.action]?.value ?? '').trim();
  const currency = given === '' ? null : readCurrency(given);
  const errors: FieldErrors = {};
  if (!chosen) errors[f.language.block] = new PacerError('field_required');
  if (currency === undefined || given.toLowerCase() === 'none') errors[f.currency.block] = new PacerError('settings_currency', { given });
  return chosen && currency !== undefined && Object.keys(errors).length === 0 ? { ok: true, value: { language: chosen, currency } } : { ok: false, errors };
}

/**
 * Reads one team's settings form with the same rules as `/pacer team <name> …`; every setting is
 * given. The ranking must be one `rankingChoices(types)` offers: a forged metric is refused. `decimal`: the reader's decimal sign.
 */
export function readTeamSettingsForm(values: StateValues, salesTeamId: string, types: readonly ActivityType[], decimal: DecimalSign = '.'): FormResult<TeamSettingsForm> {
  const f = ids.teamSettingsModal;
  const state = (field: Field) => values[teamSettingsBlock(field, salesTeamId)]?.[field.action];
  const read = (field: Field): string | null => {
    const value = state(field);
    const raw = value?.selected_conversation ?? value?.selected_option?.value ?? value?.value ?? null;
    return raw === null || raw.trim() === '' ? null : raw.trim();
  };
  const checked = (field: Field) => (state(field)?.selected_options ?? []).some((o) => o.value === 'on');
  const slot = (on: Field, day: Field, at: Field) => ({ enabled: checked(on), weekday: Number(read(day) ?? Number.NaN), at: read(at) });
  const timeZone = read(f.timeZone);
  const organisedBy = read(f.organisedBy);
  const rankingGiven = read(f.ranking);
  const ranking = rankingChoices(types).find((c) => c.value === rankingGiven)?.ranking;
  const daily = read(f.digestDaily);
  const parsed = settingsSchema.safeParse({
    channelId: read(f.channel),
    digestChannelId: read(f.digest),
    organisedBy,
    timeZone,
    weekStartsOn: Number(read(f.weekStartsOn) ?? Number.NaN),
    estimatesPerQuotaUnit: readFieldNumber(read(f.estimates) ?? '', decimal) ?? Number.NaN,
    board: slot(f.boardOn, f.boardDay, f.boardAt),
    digest: { weekly: slot(f.digestOn, f.digestDay, f.digestAt), dailyAt: daily === dailyDigestOff ? null : daily },
  });
  const required = new PacerError('field_required');
  const byField: Record<string, [{ block: string }, PacerError]> = {
    channelId: [f.channel, required],
    digestChannelId: [f.digest, required],
    organisedBy: [f.organisedBy, new PacerError('pacer_organise', { given: organisedBy ?? '', choices: organisations.join(', ') })],
    timeZone: [f.timeZone, new PacerError('pacer_timezone', { given: timeZone ?? '' })],
    weekStartsOn: [f.weekStartsOn, required],
    estimatesPerQuotaUnit: [f.estimates, new PacerError('settings_estimates', { max: maxEstimatesPerQuotaUnit })],
    'board.weekday': [f.boardDay, required],
    'board.at': [f.boardAt, required],
    'digest.weekly.weekday': [f.digestDay, required],
    'digest.weekly.at': [f.digestAt, required],
    'digest.dailyAt': [f.digestDaily, required],
  };
  const errors: FieldErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [field, error] = byField[issue.path.join('.')] ?? [f.channel, required];
    errors[teamSettingsBlock(field, salesTeamId)] ??= error;
  }
  if (!ranking) {
    const given = (rankingGiven ?? '').replace(/^metric:/, '');
    errors[teamSettingsBlock(f.ranking, salesTeamId)] = new PacerError('pacer_ranking', { given, metrics: ['points', 'goal', 'revenue', ...activeTypeWords(types)].join(', ') });
  }
  return parsed.success && ranking ? { ok: true, value: { ...parsed.data, ranking } } : { ok: false, errors };
}
