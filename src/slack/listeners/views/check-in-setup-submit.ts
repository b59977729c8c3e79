import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildCheckInSetupSaved } from '../../../../blocks/check-in-messages.js';
import { validateCheckInSetup } from '../../../domain/check-ins.js';
import { PacerError } from '../../../errors.js';
import { readSetupForm, setupFieldErrors } from '../../check-in-form.js';
import { decodeSetupOrigin } from '../../check-in-values.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, direct } from '../../replies.js';
import { translatedFieldErrors } from './form-errors.js';

/** The setup form: every question and the schedule checked, mistakes under their fields; saved for the team's managers only. */
export function checkInSetupSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const origin = decodeSetupOrigin(view.private_metadata);
    const typed = origin && readSetupForm(view.state.values, origin);
    const result = typed && validateCheckInSetup({ questions: typed.questions, ...typed.schedule });
    if (result && !result.ok) {
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, view.team_id, body.user.id, setupFieldErrors(result.errors)) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId: view.team_id, userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      if (!origin || !result) throw new PacerError('stale_button');
      const { team, setup } = await deps.checkInBook.saveSetup(actor, origin.salesTeamId, result.value);
      await direct(client, actor.userId)(buildCheckInSetupSaved(tr, { teamName: team.name, schedule: setup, questions: setup.questions.length, digestChannelId: team.digestChannelId }));
    });
  };
}
