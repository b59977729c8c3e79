/** The yardstick for `npm run bench`: a Bolt app that only acknowledges, started like Pacer. */
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  logLevel: LogLevel.INFO,
});
app.command(/.*/, async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
app.logger.info('Bare app is running');
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
