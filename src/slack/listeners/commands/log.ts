import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildLogReply } from '../../../../blocks/log-reply.js';
import { buildLogModal } from '../../../../blocks/modals.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { activeTypeKeys } from '../../../domain/activity-types.js';
import { parseLogCommand } from '../../../domain/log-command.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, ephemeral, publishHome, topicHelp } from '../../replies.js';

/** `/log <type> [count] [amount] [lead] [#product] [note]`; bare `/log` opens the form. */
export function logCommand(deps: PacerDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await answerAs(
      deps,
      { client, teamId: command.team_id, userId: command.user_id },
      ephemeral(respond),
      async (rep, tr) => {
        const types = await deps.activityTypes.forWorkspace(rep.teamId);
        const text = command.text.trim();
        if (text === '') {
          const view = buildLogModal(tr, activeTypeKeys(types), { channelId: command.channel_id });
          await client.views.open({ trigger_id: command.trigger_id, view });
        } else if (text.toLowerCase() === 'help') {
          await respond({ response_type: 'ephemeral', ...buildHelp(tr, 'log', activeTypeKeys(types)) });
        } else {
          const outcome = await deps.activityLog.log(rep, parseLogCommand(text, types));
          await respond({ response_type: 'ephemeral', ...buildLogReply(tr, outcome) });
          await publishHome(deps, client, rep);
        }
      },
      topicHelp(deps, command.team_id, 'log'),
    );
  };
}
