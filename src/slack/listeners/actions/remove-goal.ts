import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildGoalList } from '../../../../blocks/goal-reply.js';
import { PacerError } from '../../../errors.js';
import { translator } from '../../../i18n/index.js';
import { goalIdValue } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answering, ephemeral, publishHome } from '../../replies.js';

/** Remove on a `/goal list` entry (confirmed in Slack's dialog); the list is redrawn without it. */
export function removeGoal(deps: PacerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answering(deps, ephemeral(respond), async (useLocale) => {
      const actor = await deps.profiles.get(client, teamIdOf(body), body.user.id);
      const tr = useLocale(translator(actor.locale));
      const goalId = goalIdValue.safeParse(action.value);
      if (!goalId.success) throw new PacerError('stale_button');
      const removed = await deps.goalBook.removeById(actor, goalId.data);
      const owner = removed.ownerId === actor.userId ? actor : await deps.profiles.get(client, actor.teamId, removed.ownerId);
      const { standings } = await deps.goalBook.list(actor, owner);
      await respond({ replace_original: true, ...buildGoalList(tr, standings, owner === actor ? null : owner.userId) });
      await publishHome(deps, client, owner);
    });
  };
}
