import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildActivityTypesModal } from '../../../../blocks/activity-types-modal.js';
import { PacerError } from '../../../errors.js';
import { decodeTypeFormOrigin } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { readActivityTypeForm } from '../../forms.js';
import { answerAs, direct } from '../../replies.js';
import { translatedFieldErrors } from './form-errors.js';

/**
 * The activity type form: mistakes and taken words shown under their fields, nothing written;
 * saved, the form closes back to the list, which is redrawn with the change.
 */
export function activityTypeSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const origin = decodeTypeFormOrigin(view.private_metadata);
    const form = origin && readActivityTypeForm(view.state.values, await deps.activityTypes.forWorkspace(teamId), origin.key);
    if (form && !form.ok) {
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, teamId, body.user.id, form.errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId, userId: body.user.id }, direct(client, body.user.id), async (actor) => {
      if (!origin || !form) throw new PacerError('stale_button');
      const { types } = await deps.activityCatalogue.save(actor, origin.key, form.value);
      if (view.previous_view_id) {
        await client.views.update({ view_id: view.previous_view_id, view: buildActivityTypesModal(await deps.speakers.reader(actor), types) });
      }
    });
  };
}
