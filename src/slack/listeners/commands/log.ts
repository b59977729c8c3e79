import { buildLogReply } from '../../../../blocks/log-reply.js';
import { buildLogModal } from '../../../../blocks/modals.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { activeTypeKeys, activeTypeWords } from '../../../domain/activity-types.js';
import { parseLogCommand } from '../../../domain/log-command.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { slashCommand } from './slash-command.js';

/** `/log <type> [count] [amount] [lead] [#product] [note]`; bare `/log` opens the form. */
export function logCommand(deps: PacerDeps) {
  return slashCommand(deps, 'log', async ({ actor: rep, tr, command, client, reply }) => {
    const types = await deps.activityTypes.forWorkspace(rep.teamId);
    const text = command.text.trim();
    if (text === '') {
      const view = buildLogModal(tr, activeTypeKeys(types), { channelId: command.channel_id });
      await client.views.open({ trigger_id: command.trigger_id, view });
    } else if (text.toLowerCase() === 'help') {
      await reply(buildHelp(tr, 'log', activeTypeWords(types)));
    } else {
      const outcome = await deps.activityLog.log(rep, parseLogCommand(text, types));
      await reply(buildLogReply(tr, outcome));
      await publishHome(deps, client, rep);
    }
  });
}
