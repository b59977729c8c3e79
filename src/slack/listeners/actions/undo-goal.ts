import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildGoalUndone } from '../../../../blocks/goal-reply.js';
import { PacerError } from '../../../errors.js';
import { decodeGoalUndo } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, ephemeral, publishHome } from '../../replies.js';

/** Undo on a goal reply: restores the previous target, or removes a goal that was new. */
export function undoGoal(deps: PacerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, ephemeral(respond), async (actor, tr) => {
      const value = decodeGoalUndo(action.value);
      if (!value) throw new PacerError('stale_button');
      const { owner } = await deps.goalBook.undo(actor, value.goalId, value.before);
      await respond({ replace_original: true, ...buildGoalUndone(tr, value.before !== null) });
      if (owner.type === 'rep') await publishHome(deps, client, await deps.profiles.get(client, actor.teamId, owner.userId));
    });
  };
}
