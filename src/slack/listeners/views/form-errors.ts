import { errorText } from '../../../i18n/index.js';
import type { FieldErrors } from '../../forms.js';
import type { PacerDeps } from '../../deps.js';

/** Field errors for `ack({ response_action: 'errors' })`, in the submitter's language. */
export async function translatedFieldErrors(
  deps: Pick<PacerDeps, 'profiles' | 'speakers'>,
  teamId: string,
  userId: string,
  errors: FieldErrors,
): Promise<Record<string, string>> {
  const tr = await deps.speakers.reader({ teamId, locale: (await deps.profiles.known(teamId, userId))?.locale ?? 'en-US' });
  return Object.fromEntries(Object.entries(errors).map(([block, e]) => [block, errorText(tr, e.code, e.vars)]));
}
