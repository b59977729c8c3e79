import { buildLogQuestion, buildLogReply } from '../../../../blocks/log-reply.js';
import { buildLogModal } from '../../../../blocks/modals.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { activeTypeKeys, activeTypeWords } from '../../../domain/activity-types.js';
import { parseLogCommand } from '../../../domain/log-command.js';
import { localDate } from '../../../domain/periods.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { slashCommand } from './slash-command.js';

/**
 * `/log <type> [count] [amount] [lead] [#product] [note]` and a day, a lead of the rep's own touched;
 * a number more likely an amount is asked about first; bare `/log` opens the form.
 */
export function logCommand(deps: PacerDeps) {
  return slashCommand(deps, 'log', async ({ actor: rep, tr, command, client, reply }) => {
    const types = await deps.activityTypes.forWorkspace(rep.teamId);
    const text = command.text.trim();
    const today = localDate(deps.clock.now(), rep.timeZone);
    if (text === '') {
      const view = buildLogModal(tr, activeTypeKeys(types), { channelId: command.channel_id }, today);
      await client.views.open({ trigger_id: command.trigger_id, view });
    } else if (text.toLowerCase() === 'help') {
      await reply(buildHelp(tr, 'log', activeTypeWords(types)));
    } else {
      const open = await deps.leadBook.reachable(rep, 'own');
      const request = parseLogCommand(text, types, open.map((l) => l.name), today, tr.decimal);
      if (request.action === 'ask') {
        await reply(buildLogQuestion(tr, request, today));
        return;
      }
      await reply(buildLogReply(tr, await deps.leadBook.logActivity(rep, request.draft, open)));
      await publishHome(deps, client, rep);
    }
  });
}
