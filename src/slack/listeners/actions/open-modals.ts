import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildGoalModal, buildLogModal } from '../../../../blocks/modals.js';
import { activeTypeKeys } from '../../../domain/activity-types.js';
import { goalMetrics } from '../../../domain/goals.js';
import { translator } from '../../../i18n/index.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answering, direct } from '../../replies.js';

type HomeButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The Home tab's "Log activity" and "Set a goal" buttons open the same forms as bare `/log` and `/goal`. */
export function openModal(deps: PacerDeps, form: 'log' | 'goal') {
  return async ({ ack, body, client }: HomeButtonArgs) => {
    await ack();
    await answering(deps, direct(client, body.user.id), async (useLocale) => {
      const member = await deps.profiles.get(client, teamIdOf(body), body.user.id);
      const tr = useLocale(translator(member.locale));
      const types = activeTypeKeys(await deps.activityTypes.forWorkspace(member.teamId));
      const origin = { channelId: null };
      const view = form === 'log' ? buildLogModal(tr, types, origin) : buildGoalModal(tr, goalMetrics(types), origin);
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}
