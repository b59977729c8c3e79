import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildTeamCard } from '../../../../blocks/team-replies.js';
import { PacerError } from '../../../errors.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, direct, tellPrivately } from '../../replies.js';
import { readTeamSettingsForm, readTeamSettingsTarget, readWorkspaceVoiceForm } from '../../team-settings-form.js';
import { fieldErrorTexts, submitter } from './form-errors.js';

/**
 * The settings form: the same rules as `/pacer team <name> …`, permission checked again on the team it names;
 * the workspace's language and currency, when an admin's form holds them, as `/pacer language` and `/pacer currency`.
 */
export function teamSettingsSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const target = readTeamSettingsTarget(view.private_metadata);
    const { tr: reader } = await submitter(deps, teamId, body.user.id);
    // The ranking is checked against the workspace's active types before the ack, so a refusal shows under its field.
    const form = target && readTeamSettingsForm(view.state.values, target.salesTeamId, await deps.activityTypes.forWorkspace(teamId), reader.decimal);
    const workspace = readWorkspaceVoiceForm(view.state.values);
    const errors = { ...(form && !form.ok ? form.errors : {}), ...(workspace && !workspace.ok ? workspace.errors : {}) };
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors: fieldErrorTexts(reader, errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId, userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      if (!target || !form?.ok) throw new PacerError('settings_stale');
      const team = await deps.teamDirectory.configureById(actor, target.salesTeamId, form.value);
      if (workspace?.ok) await deps.workspaceSettings.save(actor, workspace.value);
      await tellPrivately(client, actor, target.channelId, buildTeamCard(tr, team, workspace?.ok ? workspace.value : null));
    });
  };
}
