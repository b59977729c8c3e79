import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildLeadsImported } from '../../../../blocks/lead-import.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, direct, publishHome } from '../../replies.js';

/**
 * The preview's "Import N leads": saves the pending import its private_metadata names, if it is still
 * the submitter's and fresh, permissions checked again; the modal closes and the result comes as a DM.
 */
export function leadImportConfirm(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    await answerAs(deps, { client, teamId: view.team_id, userId }, direct(client, userId), async (actor, tr) => {
      const result = await deps.leadImports.confirm(actor, view.private_metadata);
      await direct(client, userId)(buildLeadsImported(tr, result));
      await publishHome(deps, client, actor);
    });
  };
}
