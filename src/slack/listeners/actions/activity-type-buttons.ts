import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildActivityTypeForm } from '../../../../blocks/activity-types-modal.js';
import { PacerError } from '../../../errors.js';
import { readTypeKey } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, direct } from '../../replies.js';

type TypeButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Edit and Add in the `/pacer types` list push the type form on top of it; Back returns to the list. */
export function openActivityTypeForm(deps: PacerDeps, which: 'edit' | 'add') {
  return async ({ ack, body, action, client }: TypeButtonArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      const types = await deps.activityCatalogue.forAdmin(actor);
      const key = which === 'edit' ? readTypeKey(action.value) : null;
      const type = key === null ? null : types.find((t) => t.key === key);
      if (which === 'edit' && !type) throw new PacerError('stale_button');
      await client.views.push({ trigger_id: body.trigger_id, view: buildActivityTypeForm(tr, type ?? null) });
    });
  };
}
