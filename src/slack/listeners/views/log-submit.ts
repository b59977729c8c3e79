import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildLogReply } from '../../../../blocks/log-reply.js';
import { localDate } from '../../../domain/periods.js';
import type { PacerDeps } from '../../deps.js';
import { readLogForm } from '../../forms.js';
import { modalOrigin } from '../../payloads.js';
import { answerAs, direct, publishHome, tellPrivately } from '../../replies.js';
import { fieldErrorTexts, submitter } from './form-errors.js';

/** The log form: mistakes are shown under their fields and nothing is written; otherwise log and reply. */
export function logSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    // The day is checked against the rep's own today; someone Pacer has not met yet is checked again when logged.
    const { known, tr: reader } = await submitter(deps, teamId, body.user.id);
    const today = known ? localDate(deps.clock.now(), known.timeZone) : undefined;
    const form = readLogForm(view.state.values, await deps.activityTypes.forWorkspace(teamId), today, reader.decimal);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: fieldErrorTexts(reader, form.errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId, userId: body.user.id }, direct(client, body.user.id), async (rep, tr) => {
      const outcome = await deps.activityLog.log(rep, form.value);
      await tellPrivately(client, rep, modalOrigin(view).channelId, buildLogReply(tr, outcome));
      await publishHome(deps, client, rep);
    });
  };
}
