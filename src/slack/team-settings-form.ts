import type { ViewStateValue } from '@slack/bolt';
import { z } from 'zod';
import type { TeamSettingsTarget } from '../../blocks/team-settings-modal.js';
import { estimatesPerQuotaUnitSchema, isTeamTimeZone } from '../domain/pacer-command.js';
import { maxEstimatesPerQuotaUnit, organisations, type TeamSettings } from '../domain/sales-teams.js';
import { PacerError } from '../errors.js';
import { readJson } from './button-values.js';
import type { FieldErrors, FormResult } from './forms.js';
import { ids, teamSettingsBlock } from './ids.js';

type StateValues = Record<string, Record<string, ViewStateValue>>;

const targetSchema = z.object({
  salesTeamId: z.uuid(),
  channelId: z.string().regex(/^[CDG][A-Z0-9]+$/).nullable(),
});

/** The team a settings form is for and where it was opened, from private_metadata (untrusted); null when it does not read. */
export function readTeamSettingsTarget(raw: string | undefined): TeamSettingsTarget | null {
  return readJson(targetSchema, raw);
}

const channelId = z.string().regex(/^[CG][A-Z0-9]+$/);
const settingsSchema = z.object({
  channelId,
  digestChannelId: channelId.nullable(),
  organisedBy: z.enum(organisations),
  timeZone: z.string().refine(isTeamTimeZone).nullable(),
  weekStartsOn: z.literal([1, 2, 3, 4, 5, 6, 7]),
  estimatesPerQuotaUnit: estimatesPerQuotaUnitSchema,
});

/** Reads one team's settings form with the same rules as `/pacer team <name> …`; every setting is given. */
export function readTeamSettingsForm(values: StateValues, salesTeamId: string): FormResult<Required<Omit<TeamSettings, 'leadRules'>>> {
  const f = ids.teamSettingsModal;
  const read = (field: { block: string; action: string }): string | null => {
    const state = values[teamSettingsBlock(field, salesTeamId)]?.[field.action];
    const raw = state?.selected_conversation ?? state?.selected_option?.value ?? state?.value ?? null;
    return raw === null || raw.trim() === '' ? null : raw.trim();
  };
  const timeZone = read(f.timeZone);
  const organisedBy = read(f.organisedBy);
  const parsed = settingsSchema.safeParse({
    channelId: read(f.channel),
    digestChannelId: read(f.digest),
    organisedBy,
    timeZone,
    weekStartsOn: Number(read(f.weekStartsOn) ?? Number.NaN),
    estimatesPerQuotaUnit: Number(read(f.estimates) ?? Number.NaN),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const byField: Record<string, [{ block: string }, PacerError]> = {
    channelId: [f.channel, new PacerError('field_required')],
    digestChannelId: [f.digest, new PacerError('field_required')],
    organisedBy: [f.organisedBy, new PacerError('pacer_organise', { given: organisedBy ?? '', choices: organisations.join(', ') })],
    timeZone: [f.timeZone, new PacerError('pacer_timezone', { given: timeZone ?? '' })],
    weekStartsOn: [f.weekStartsOn, new PacerError('field_required')],
    estimatesPerQuotaUnit: [f.estimates, new PacerError('settings_estimates', { max: maxEstimatesPerQuotaUnit })],
  };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [field, error] = byField[String(issue.path[0])] ?? [f.channel, new PacerError('field_required')];
    errors[teamSettingsBlock(field, salesTeamId)] ??= error;
  }
  return { ok: false, errors };
}
