/**
 * The yardstick for `npm run bench`: a Bolt app that only acknowledges, started like Pacer.
 * With BARE_PGLITE_FOLDER it also holds PGlite open on that folder (PGlite's defaults): the
 * memory floor an app with an embedded database starts from.
 */
import { PGlite } from '@electric-sql/pglite';
import { App, LogLevel } from '@slack/bolt';

const folder = process.env.BARE_PGLITE_FOLDER;
const database = folder ? await PGlite.create(folder) : null;
await database?.query('SELECT 1');
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
process.once('SIGTERM', () => void Promise.all([app.stop(), database?.close()]).then(() => process.exit(0)));
