import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildLeadImportFailed, buildLeadImportPreview, buildLeadImportReading } from '../../../../blocks/lead-import.js';
import { PacerError } from '../../../errors.js';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { answerAs, type Tell } from '../../replies.js';
import { slackPeople } from '../../slack-people.js';
import { downloadImportFile, importTooLarge, isTooLargeToImport } from '../../uploaded-file.js';
import { submitter, translatedFieldErrors } from './form-errors.js';

/**
 * The import form. Fetching and reading a file can outlast the 3 seconds Slack gives a submission, so the
 * form is acknowledged at once with a "Reading…" view, and that view is replaced (views.update) with the
 * preview, or with why the file cannot be imported. Nothing is saved here.
 */
export function leadImportSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const userId = body.user.id;
    const f = ids.leadImport.file;
    const file = view.state.values[f.block]?.[f.action]?.files?.[0];
    if (!file || isTooLargeToImport(file)) {
      const error = file ? importTooLarge() : new PacerError('import_no_file');
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, teamId, userId, { [f.block]: error }) });
      return;
    }
    // The language as last seen: the profile is refreshed from Slack only after ack().
    const { tr: formTr } = await submitter(deps, teamId, userId);
    await ack({ response_action: 'update', view: buildLeadImportReading(formTr, file.name) });
    const showProblem: Tell = (problem) => client.views.update({ view_id: view.id, view: buildLeadImportFailed(formTr, problem) });
    await answerAs(deps, { client, teamId, userId }, showProblem, async (actor, tr) => {
      if (!context.botToken) throw new Error('no bot token to download an uploaded file with');
      const bytes = await downloadImportFile(file, context.botToken, deps.logger);
      const preview = await deps.leadImports.preview(actor, { bytes, name: file.name }, slackPeople(deps.profiles, client, teamId));
      await client.views.update({ view_id: view.id, view: buildLeadImportPreview(tr, preview) });
    });
  };
}
