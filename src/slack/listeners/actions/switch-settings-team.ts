import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ErrorCode } from '@slack/web-api';
import { z } from 'zod';
import { buildTeamSettingsModal } from '../../../../blocks/team-settings-modal.js';
import { PacerError } from '../../../errors.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, direct } from '../../replies.js';
import { readTeamSettingsTarget } from '../../team-settings-form.js';

const pickSchema = z.object({ selected_option: z.object({ value: z.uuid() }) });

/**
 * views.update with the view's hash is refused with hash_conflict when the form changed in
 * between, i.e. a later pick already redrew it (https://docs.slack.dev/reference/methods/views.update).
 */
function isHashConflict(error: unknown): boolean {
  return z.object({ code: z.literal(ErrorCode.PlatformError), data: z.object({ error: z.literal('hash_conflict') }) }).safeParse(error).success;
}

/** The team picker of the settings form: redraws the form with the picked team's settings, if the person runs it. */
export function switchSettingsTeam(deps: PacerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      const target = readTeamSettingsTarget(body.view?.private_metadata);
      const pick = pickSchema.safeParse(action);
      if (!body.view || !target || !pick.success) throw new PacerError('settings_stale');
      const choice = await deps.teamDirectory.settingsChoice(actor, { id: pick.data.selected_option.value });
      const [types, workspace] = await Promise.all([deps.activityTypes.forWorkspace(actor.teamId), deps.workspaceSettings.editableBy(actor)]);
      const view = buildTeamSettingsModal(tr, choice, types, { channelId: target.channelId }, workspace);
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view }).catch((error: unknown) => {
        if (!isHashConflict(error)) throw error;
      });
    });
  };
}
