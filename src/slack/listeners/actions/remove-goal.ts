import { buildGoalList } from '../../../../blocks/goal-reply.js';
import { readRecordId } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { messageButton } from './message-button.js';

/** Remove on a `/goal list` entry (confirmed in Slack's dialog); the list is redrawn without it, with Undo. */
export function removeGoal(deps: PacerDeps) {
  return messageButton(deps, readRecordId, async ({ actor, tr, value: goalId, client, respond }) => {
    const { removal, list } = await deps.goalBook.removeById(actor, goalId);
    await respond({ replace_original: true, ...buildGoalList(tr, list, actor.userId, removal) });
    if (list.owner.type === 'rep') await publishHome(deps, client, await deps.profiles.get(client, actor.teamId, list.owner.userId));
  });
}
