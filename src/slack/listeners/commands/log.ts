import { buildLogReply } from '../../../../blocks/log-reply.js';
import { buildLogModal } from '../../../../blocks/modals.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { activeTypeKeys, activeTypeWords } from '../../../domain/activity-types.js';
import { parseLogCommand } from '../../../domain/log-command.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { slashCommand } from './slash-command.js';

/** `/log <type> [count] [amount] [lead] [#product] [note]`, a lead of the rep's own touched; bare `/log` opens the form. */
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
      const open = await deps.leadBook.reachable(rep, 'own');
      const draft = parseLogCommand(text, types, open.map((l) => l.name));
      // Open lead names are unique per rep, so the stored name the parser returned names one lead.
      const lead = open.find((l) => l.name === draft.lead);
      const outcome = await deps.activityLog.log(rep, draft, lead?.id ?? null);
      // The activity is the log; the touch only moves the lead, so nothing is logged twice.
      if (lead) await deps.leadBook.touchedBy(rep, lead);
      await reply(buildLogReply(tr, outcome));
      await publishHome(deps, client, rep);
    }
  });
}
