import { buildGoalUndone } from '../../../../blocks/goal-reply.js';
import { decodeGoalUndo } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { messageButton } from './message-button.js';

/** Undo on a goal reply: restores the previous target, removes a goal that was new, or brings back a removed one. */
export function undoGoal(deps: PacerDeps) {
  return messageButton(deps, decodeGoalUndo, async ({ actor, tr, value, client, respond }) => {
    const { goal, owner } = await deps.goalBook.undo(actor, value);
    await respond({ replace_original: true, ...buildGoalUndone(tr, value, goal) });
    if (owner.type === 'rep') await publishHome(deps, client, await deps.profiles.get(client, actor.teamId, owner.userId));
  });
}
