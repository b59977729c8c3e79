import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCheckInModal } from '../../../../blocks/check-in-form.js';
import { buildCheckInNote, buildCheckInStatus } from '../../../../blocks/check-in-messages.js';
import { buildCheckInSetupModal } from '../../../../blocks/check-in-setup.js';
import { defaultCheckInSchedule, parseCheckInCommand } from '../../../domain/check-ins.js';
import { defaultSetupQuestions, scheduleFields } from '../../check-in-form.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, ephemeral } from '../../replies.js';

/**
 * `/checkin`: bare opens the rep's form; `skip <reason>`; `setup [team]` opens a manager's setup form
 * (the defaults when there is none yet); `status [team]`; `help`. Mistakes name the right form.
 */
export function checkInCommand(deps: PacerDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const reply = ephemeral(respond);
    await answerAs(deps, { client, teamId: command.team_id, userId: command.user_id }, reply, async (actor, tr) => {
      const request = parseCheckInCommand(command.text);
      switch (request.action) {
        case 'help':
          await reply(buildCheckInNote(tr.t('checkin.help')));
          return;
        case 'form': {
          const form = await deps.checkInBook.formFor(actor);
          const view = buildCheckInModal(tr, { teamName: form.team.name, salesTeamId: form.team.id, week: form.week, questions: form.questions, lastCommitment: form.lastCommitment, answers: form.answer?.answers ?? null });
          await client.views.open({ trigger_id: command.trigger_id, view });
          return;
        }
        case 'skip': {
          const skipped = await deps.checkInBook.skip(actor, request.reason);
          await reply(buildCheckInNote(tr.t('checkin.skipped', { team: skipped.team.name, reason: request.reason })));
          await deps.checkInPosts.shareAnswer(deps.jobs, client, skipped.answer);
          return;
        }
        case 'setup': {
          const { team, setup } = await deps.checkInBook.setupFor(actor, request.team);
          const view = buildCheckInSetupModal(tr, {
            salesTeamId: team.id,
            teamName: team.name,
            questions: setup?.questions ?? defaultSetupQuestions(tr),
            schedule: scheduleFields(setup ?? defaultCheckInSchedule),
          });
          await client.views.open({ trigger_id: command.trigger_id, view });
          return;
        }
        case 'status': {
          const { team, round, standing } = await deps.checkInBook.status(actor, request.team);
          await reply(buildCheckInStatus(tr, { salesTeamId: team.id, week: round.week, teamName: team.name, standing, closed: round.closedAt !== null }));
          return;
        }
      }
    });
  };
}
