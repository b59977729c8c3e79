import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildLeadModal } from '../../../../blocks/lead-modal.js';
import { buildGoalModal, buildLogModal } from '../../../../blocks/modals.js';
import { activeTypeKeys } from '../../../domain/activity-types.js';
import { goalMetrics } from '../../../domain/goals.js';
import { localDate } from '../../../domain/periods.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, direct } from '../../replies.js';

type HomeButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The Home tab's "Log activity", "Set a goal" and "Add a lead" buttons open the same forms as bare `/log`, `/goal` and `/lead`. */
export function openModal(deps: PacerDeps, form: 'log' | 'goal' | 'lead') {
  return async ({ ack, body, client }: HomeButtonArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, direct(client, body.user.id), async (member, tr) => {
      const types = activeTypeKeys(await deps.activityTypes.forWorkspace(member.teamId));
      const origin = { channelId: null };
      const view =
        form === 'log' ? buildLogModal(tr, types, origin, localDate(deps.clock.now(), member.timeZone))
        : form === 'goal' ? buildGoalModal(tr, goalMetrics(types), origin)
        : buildLeadModal(tr, origin);
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}
