import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildTeamCard } from '../../../../blocks/team-replies.js';
import { PacerError } from '../../../errors.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, direct, tellPrivately } from '../../replies.js';
import { readTeamSettingsForm, readTeamSettingsTarget } from '../../team-settings-form.js';
import { translatedFieldErrors } from './form-errors.js';

/** The settings form: the same rules as `/pacer team <name> …`, permission checked again on the team it names. */
export function teamSettingsSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = view.team_id;
    const target = readTeamSettingsTarget(view.private_metadata);
    // The ranking is checked against the workspace's active types before the ack, so a refusal shows under its field.
    const form = target && readTeamSettingsForm(view.state.values, target.salesTeamId, await deps.activityTypes.forWorkspace(teamId));
    if (form && !form.ok) {
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, teamId, body.user.id, form.errors) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId, userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      if (!target || !form?.ok) throw new PacerError('settings_stale');
      const team = await deps.teamDirectory.configureById(actor, target.salesTeamId, form.value);
      await tellPrivately(client, actor, target.channelId, buildTeamCard(tr, team));
    });
  };
}
