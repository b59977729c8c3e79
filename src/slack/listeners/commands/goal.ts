import { buildGoalList, buildGoalNotice, buildGoalRemoved, buildGoalSetReply } from '../../../../blocks/goal-reply.js';
import { buildGoalModal } from '../../../../blocks/modals.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { activeTypeKeys, activeTypeWords } from '../../../domain/activity-types.js';
import { parseGoalCommand, type GoalTarget } from '../../../domain/goal-command.js';
import { goalMetrics } from '../../../domain/goals.js';
import { localDate } from '../../../domain/periods.js';
import type { GoalFor } from '../../../services/goal-owners.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { slashCommand } from './slash-command.js';

/** `/goal`: bare opens the form; `help`, `list [whose]`, `remove …`, or `[whose] <metric> <target> <period> …`. */
export function goalCommand(deps: PacerDeps) {
  return slashCommand(deps, 'goal', async ({ actor, tr, command, client, reply }) => {
    const types = await deps.activityTypes.forWorkspace(actor.teamId);
    const request = parseGoalCommand(command.text, types, localDate(deps.clock.now(), actor.timeZone), tr.decimal);
    // Whom the command is about; a mentioned rep is looked up in Slack (and must exist).
    const targetOf = async (owner: GoalTarget): Promise<GoalFor> =>
      owner.type === 'self' ? { type: 'rep', member: actor }
      : owner.type === 'rep' ? { type: 'rep', member: owner.userId === actor.userId ? actor : await deps.profiles.get(client, actor.teamId, owner.userId) }
      : owner;
    switch (request.action) {
      case 'modal': {
        const view = buildGoalModal(tr, goalMetrics(activeTypeKeys(types)), { channelId: command.channel_id });
        await client.views.open({ trigger_id: command.trigger_id, view });
        return;
      }
      case 'help':
        await reply(buildHelp(tr, 'goal', activeTypeWords(types)));
        return;
      case 'list': {
        const list = await deps.goalBook.list(actor, await targetOf(request.owner));
        await reply(buildGoalList(tr, list, actor.userId));
        return;
      }
      case 'remove': {
        const target = await targetOf(request.owner);
        const removal = await deps.goalBook.remove(actor, target, request);
        await reply(buildGoalRemoved(tr, removal));
        if (target.type === 'rep') await publishHome(deps, client, target.member);
        return;
      }
      case 'set': {
        const target = await targetOf(request.owner);
        const change = await deps.goalBook.set(actor, target, request.spec);
        await reply(buildGoalSetReply(tr, change, actor.userId));
        if (target.type !== 'rep' || change.unchanged) return;
        if (target.member.userId !== actor.userId) {
          const notice = buildGoalNotice(await deps.speakers.reader(target.member), change.standing.goal, change.derived?.standing.goal ?? null);
          await client.chat.postMessage({ channel: target.member.userId, ...notice });
        }
        await publishHome(deps, client, target.member);
      }
    }
  });
}
