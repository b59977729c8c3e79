import { buildLogReply } from '../../../../blocks/log-reply.js';
import { decodeLogChoice } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { messageButton } from './message-button.js';

/** An answer to "5,000 lost deals, or one lost deal worth 5,000?": logs the draft its button carries, in place of the question. */
export function chooseLogReading(deps: PacerDeps) {
  return messageButton(deps, decodeLogChoice, async ({ actor: rep, tr, value: draft, client, respond }) => {
    const outcome = await deps.leadBook.logActivity(rep, draft);
    await respond({ replace_original: true, ...buildLogReply(tr, outcome) });
    await publishHome(deps, client, rep);
  });
}
