import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { publishHome, reportUnexpected } from '../../replies.js';

/** Draws the Home tab whenever it is opened, so it is always current. */
export function appHomeOpened(deps: PacerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(deps, client, await deps.profiles.get(client, body.team_id, event.user));
    } catch (error) {
      // Nobody waits on this event for an answer: log it with a reference and move on.
      reportUnexpected(deps.logger, error);
    }
  };
}
