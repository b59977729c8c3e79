import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildGoalList } from '../../../../blocks/goal-reply.js';
import { PacerError } from '../../../errors.js';
import { goalIdValue } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, ephemeral, publishHome } from '../../replies.js';

/** Remove on a `/goal list` entry (confirmed in Slack's dialog); the list is redrawn without it. */
export function removeGoal(deps: PacerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, ephemeral(respond), async (actor, tr) => {
      const goalId = goalIdValue.safeParse(action.value);
      if (!goalId.success) throw new PacerError('stale_button');
      const remaining = await deps.goalBook.removeById(actor, goalId.data);
      await respond({ replace_original: true, ...buildGoalList(tr, remaining, actor.userId) });
      if (remaining.owner.type === 'rep') await publishHome(deps, client, await deps.profiles.get(client, actor.teamId, remaining.owner.userId));
    });
  };
}
