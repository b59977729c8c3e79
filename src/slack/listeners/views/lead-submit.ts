import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildLeadAdded } from '../../../../blocks/lead-replies.js';
import { localDate } from '../../../domain/periods.js';
import type { PacerDeps } from '../../deps.js';
import { readLeadForm } from '../../lead-form.js';
import { modalOrigin } from '../../payloads.js';
import { answerAs, direct, publishHome, tellPrivately } from '../../replies.js';
import { fieldErrorTexts, submitter } from './form-errors.js';

/** The lead form: the same rules as `/lead add`; mistakes and a taken name shown under their fields, nothing written. */
export function leadSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const userId = body.user.id;
    const { known, tr: reader } = await submitter(deps, teamId, userId);
    const today = localDate(deps.clock.now(), known?.timeZone ?? 'UTC');
    const open = await deps.leads.openOf(teamId, [userId]);
    const form = readLeadForm(view.state.values, today, open.map((lead) => lead.name), reader.decimal);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: fieldErrorTexts(reader, form.errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId, userId }, direct(client, userId), async (rep, tr) => {
      const lead = await deps.leadBook.add(rep, form.value);
      await tellPrivately(client, rep, modalOrigin(view).channelId, buildLeadAdded(tr, lead, localDate(deps.clock.now(), rep.timeZone)));
      await publishHome(deps, client, rep);
    });
  };
}
