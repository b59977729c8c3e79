import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildGoalSetReply } from '../../../../blocks/goal-reply.js';
import { localDate } from '../../../domain/periods.js';
import type { PacerDeps } from '../../deps.js';
import { readGoalForm } from '../../forms.js';
import { modalOrigin } from '../../payloads.js';
import { answerAs, direct, publishHome, tellPrivately } from '../../replies.js';
import { fieldErrorTexts, submitter } from './form-errors.js';

/** The goal form: the same rules as `/goal`; mistakes shown under their fields, nothing written. */
export function goalSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const { known, tr: reader } = await submitter(deps, teamId, body.user.id);
    const today = localDate(deps.clock.now(), known?.timeZone ?? 'UTC');
    const form = readGoalForm(view.state.values, await deps.activityTypes.forWorkspace(teamId), today, reader.decimal);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: fieldErrorTexts(reader, form.errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId, userId: body.user.id }, direct(client, body.user.id), async (rep, tr) => {
      const change = await deps.goalBook.set(rep, { type: 'rep', member: rep }, form.value);
      await tellPrivately(client, rep, modalOrigin(view).channelId, buildGoalSetReply(tr, change, rep.userId));
      await publishHome(deps, client, rep);
    });
  };
}
