import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildLogReply } from '../../../../blocks/log-reply.js';
import type { PacerDeps } from '../../deps.js';
import { readLogForm } from '../../forms.js';
import { modalOrigin } from '../../payloads.js';
import { answerAs, direct, publishHome, tellPrivately } from '../../replies.js';
import { translatedFieldErrors } from './form-errors.js';

/** The log form: mistakes are shown under their fields and nothing is written; otherwise log and reply. */
export function logSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const form = readLogForm(view.state.values, await deps.activityTypes.forWorkspace(teamId));
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, teamId, body.user.id, form.errors) });
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
