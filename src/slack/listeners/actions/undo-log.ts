import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildUndoReply } from '../../../../blocks/log-reply.js';
import { PacerError } from '../../../errors.js';
import { translator } from '../../../i18n/index.js';
import { activityIdValue } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answering, ephemeral, publishHome } from '../../replies.js';

/** Undo on a log reply: removes exactly that log, for its author only. */
export function undoLog(deps: PacerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answering(deps, ephemeral(respond), async (useLocale) => {
      const rep = await deps.profiles.get(client, teamIdOf(body), body.user.id);
      const tr = useLocale(translator(rep.locale));
      const activityId = activityIdValue.safeParse(action.value);
      if (!activityId.success) throw new PacerError('stale_button');
      const outcome = await deps.activityLog.undo(rep, activityId.data);
      await respond({ replace_original: true, ...buildUndoReply(tr, outcome) });
      await publishHome(deps, client, rep);
    });
  };
}
