import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { buildNote } from '../../../../blocks/notice.js';
import { PacerError } from '../../../errors.js';
import { decodeCheckBackOrigin } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { answerAs, direct, publishHome } from '../../replies.js';
import { markDone } from '../actions/nudge-buttons.js';
import { translatedFieldErrors } from './form-errors.js';

const answerSchema = z.object({
  score: z.coerce.number().int().min(1).max(5),
  complaint: z.string().trim().max(1000).transform((text) => text || null).nullable(),
});

/** The check-back form from a nudge: the customer's satisfaction and any complaint, kept with the won lead. */
export function satisfactionSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const fields = ids.satisfactionModal;
    const values = view.state.values;
    const answer = answerSchema.safeParse({
      score: values[fields.score.block]?.[fields.score.action]?.selected_option?.value,
      complaint: values[fields.complaint.block]?.[fields.complaint.action]?.value ?? null,
    });
    const origin = decodeCheckBackOrigin(view.private_metadata);
    if (!answer.success) {
      const errors = { [fields.score.block]: new PacerError('field_required') };
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, view.team_id, body.user.id, errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId: view.team_id, userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      if (!origin) throw new PacerError('stale_button');
      const lead = await deps.leadBook.forButton(actor, origin.leadId);
      const { score, complaint } = answer.data;
      await deps.leadBook.recordCheckBack(actor, lead, score, complaint);
      const done = tr.t(complaint ? 'nudge.doneCheckedBackComplaint' : 'nudge.doneCheckedBack', { name: lead.name, score });
      if (!(await markDone(deps, client, actor, origin, lead.id, done))) await direct(client, actor.userId)(buildNote(done));
      await publishHome(deps, client, actor);
    });
  };
}
