import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildGoalList, buildGoalNotice, buildGoalRemoved, buildGoalSetReply } from '../../../../blocks/goal-reply.js';
import { buildGoalModal } from '../../../../blocks/modals.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { activeTypeKeys } from '../../../domain/activity-types.js';
import { parseGoalCommand } from '../../../domain/goal-command.js';
import { goalMetrics } from '../../../domain/goals.js';
import { localDate } from '../../../domain/periods.js';
import type { PacerDeps } from '../../deps.js';
import { translator } from '../../../i18n/index.js';
import { answerAs, ephemeral, publishHome, topicHelp } from '../../replies.js';

/** `/goal`: bare opens the form; `help`, `list [@rep]`, `remove …`, or `[@rep] <metric> <target> <period> …`. */
export function goalCommand(deps: PacerDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await answerAs(
      deps,
      { client, teamId: command.team_id, userId: command.user_id },
      ephemeral(respond),
      async (actor, tr) => {
        const types = await deps.activityTypes.forWorkspace(actor.teamId);
        const request = parseGoalCommand(command.text, types, localDate(deps.clock.now(), actor.timeZone));
        const ownerOf = async (ownerId: string | null) =>
          ownerId && ownerId !== actor.userId ? deps.profiles.get(client, actor.teamId, ownerId) : actor;
        switch (request.action) {
          case 'modal': {
            const view = buildGoalModal(tr, goalMetrics(activeTypeKeys(types)), { channelId: command.channel_id });
            await client.views.open({ trigger_id: command.trigger_id, view });
            return;
          }
          case 'help':
            await respond({ response_type: 'ephemeral', ...buildHelp(tr, 'goal', activeTypeKeys(types)) });
            return;
          case 'list': {
            const owner = await ownerOf(request.ownerId);
            const { standings } = await deps.goalBook.list(actor, owner);
            const shownFor = owner === actor ? null : owner.userId;
            await respond({ response_type: 'ephemeral', ...buildGoalList(tr, standings, shownFor) });
            return;
          }
          case 'remove': {
            const owner = await ownerOf(request.ownerId);
            const removed = await deps.goalBook.remove(actor, owner, request);
            await respond({ response_type: 'ephemeral', ...buildGoalRemoved(tr, removed) });
            await publishHome(deps, client, owner);
            return;
          }
          case 'set': {
            const owner = await ownerOf(request.spec.ownerId);
            const change = await deps.goalBook.set(actor, owner, request.spec);
            await respond({ response_type: 'ephemeral', ...buildGoalSetReply(tr, change, owner !== actor) });
            if (owner !== actor) {
              await client.chat.postMessage({ channel: owner.userId, ...buildGoalNotice(translator(owner.locale), change.standing.goal) });
            }
            await publishHome(deps, client, owner);
          }
        }
      },
      topicHelp(deps, command.team_id, 'goal'),
    );
  };
}
