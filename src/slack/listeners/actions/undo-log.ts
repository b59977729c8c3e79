import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildUndoReply } from '../../../../blocks/log-reply.js';
import { PacerError } from '../../../errors.js';
import { activityIdValue } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, ephemeral, publishHome } from '../../replies.js';

/** Undo on a log reply: removes exactly that log, for its author only. */
export function undoLog(deps: PacerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, ephemeral(respond), async (rep, tr) => {
      const activityId = activityIdValue.safeParse(action.value);
      if (!activityId.success) throw new PacerError('stale_button');
      const outcome = await deps.activityLog.undo(rep, activityId.data);
      await respond({ replace_original: true, ...buildUndoReply(tr, outcome) });
      await publishHome(deps, client, rep);
    });
  };
}
