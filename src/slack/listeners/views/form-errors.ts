import type { Member } from '../../../domain/members.js';
import { errorText, type Translator } from '../../../i18n/index.js';
import type { FieldErrors } from '../../forms.js';
import type { PacerDeps } from '../../deps.js';

/**
 * Whoever submits a form, as last seen (their profile is refreshed after ack), with their translator:
 * before ack it says how they write numbers and reads them their mistakes.
 */
export async function submitter(
  deps: Pick<PacerDeps, 'profiles' | 'speakers'>,
  teamId: string,
  userId: string,
): Promise<{ known: Member | null; tr: Translator }> {
  const known = await deps.profiles.known(teamId, userId);
  return { known, tr: await deps.speakers.reader({ teamId, locale: known?.locale ?? 'en-US' }) };
}

/** Field errors for `ack({ response_action: 'errors' })`, in the reader's language. */
export function fieldErrorTexts(tr: Translator, errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([block, e]) => [block, errorText(tr, e.code, e.vars)]));
}

/** Field errors for `ack({ response_action: 'errors' })`, in the submitter's language. */
export async function translatedFieldErrors(
  deps: Pick<PacerDeps, 'profiles' | 'speakers'>,
  teamId: string,
  userId: string,
  errors: FieldErrors,
): Promise<Record<string, string>> {
  return fieldErrorTexts((await submitter(deps, teamId, userId)).tr, errors);
}
