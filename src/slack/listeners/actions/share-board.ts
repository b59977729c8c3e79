import { buildBoard } from '../../../../blocks/board.js';
import { readBoardRequest } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { boardSubtitle, boardTitle } from '../commands/board.js';
import { messageButton } from './message-button.js';

/**
 * "Share in channel" under a `/board` reply: the board is drawn again (it may have moved since) and
 * posted in the conversation through the reply's response_url, which works where the bot is no member.
 */
export function shareBoard(deps: PacerDeps) {
  return messageButton(deps, readBoardRequest, async ({ actor, value: request, respond }) => {
    const board = await deps.leaderboard.view(actor, request, await deps.activityTypes.forWorkspace(actor.teamId));
    // The channel reads it, so it is in the workspace's language, not the sharer's.
    const tr = await deps.speakers.channel(actor.teamId);
    const shared = buildBoard(tr, board, { audience: 'channel', title: boardTitle(tr, board, request), subtitle: boardSubtitle(tr, board, actor) });
    await respond({ response_type: 'in_channel', replace_original: false, ...shared });
  });
}
