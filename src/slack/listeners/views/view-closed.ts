import type { SlackViewMiddlewareArgs, ViewClosedAction } from '@slack/bolt';

/**
 * Slack sends view_closed for any modal opened with `notify_on_close`, whatever its callback_id,
 * and Bolt answers a request nobody acknowledged with a 404 after 3 s. Pacer keeps nothing of a
 * form that was closed, so it only acknowledges.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
export async function viewClosed({ ack }: SlackViewMiddlewareArgs<ViewClosedAction>): Promise<void> {
  await ack();
}
