import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildCheckInNote } from '../../../../blocks/check-in-messages.js';
import { readCheckInAnswers } from '../../../domain/check-ins.js';
import { PacerError } from '../../../errors.js';
import { answerFieldErrors, readAnswerForm } from '../../check-in-form.js';
import { decodeRound } from '../../check-in-values.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, direct, reportUnexpected } from '../../replies.js';
import { fieldErrorTexts, submitter } from './form-errors.js';

/**
 * The rep's answers: checked against the week's questions before ack (mistakes under their fields,
 * nothing written), then saved, confirmed, and queued and sent under the managers' summary.
 */
export function checkInAnswerSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const ref = decodeRound(view.private_metadata);
    const questions = ref && (await deps.checkInBook.questionsFor(view.team_id, ref));
    const reader = questions && (await submitter(deps, view.team_id, body.user.id)).tr;
    const result = questions && reader && readCheckInAnswers(questions, readAnswerForm(view.state.values, questions), reader.decimal);
    if (result && !result.ok) {
      await ack({ response_action: 'errors', errors: fieldErrorTexts(reader, answerFieldErrors(result.errors)) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId: view.team_id, userId: body.user.id }, direct(client, body.user.id), async (rep, tr) => {
      if (!ref || !result) throw new PacerError('stale_button');
      const submitted = await deps.checkInBook.submit(rep, ref.salesTeamId, ref.week, result.value);
      await direct(client, rep.userId)(buildCheckInNote(tr.t(submitted.answer.late ? 'checkin.submittedLate' : 'checkin.submitted', { team: submitted.team.name })));
      // The answer is saved: what Slack refuses stays in the outbox for the scheduler, never the rep's problem.
      try {
        await deps.checkInPosts.shareAnswer(deps.jobs, client, submitted.answer);
      } catch (error) {
        reportUnexpected(deps.logger, error);
      }
    });
  };
}
