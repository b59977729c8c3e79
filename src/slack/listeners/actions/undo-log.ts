import { buildUndoReply } from '../../../../blocks/log-reply.js';
import { readRecordId } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { messageButton } from './message-button.js';

/** Undo on a log reply: removes exactly that log, for its author only. */
export function undoLog(deps: PacerDeps) {
  return messageButton(deps, readRecordId, async ({ actor: rep, tr, value: activityId, client, respond }) => {
    const outcome = await deps.activityLog.undo(rep, activityId);
    await respond({ replace_original: true, ...buildUndoReply(tr, outcome) });
    await publishHome(deps, client, rep);
  });
}
