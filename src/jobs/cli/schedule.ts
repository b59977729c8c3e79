import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { createDeps } from '../../app.js';
import { systemClock } from '../../clock.js';
import { PacerError, StartupError } from '../../errors.js';
import { createWorkspaceClients } from '../../slack/workspace-clients.js';
import { createJobScheduler } from '../index.js';
import type { ScheduledRun } from '../scheduled-job.js';
import { askBot, terminalLogger, viaBotOrLocal } from './bot-or-local.js';

const usage = 'Usage: npm run schedule -- [--from <ISO>] [--to <ISO>] [--job nudges|checkins|digest|contests|board] [--json] (default: from now, for 7 days)';
const defaultDays = 7;

/** Runs come back from the bot as JSON: instants as strings. */
type RunRow = Omit<ScheduledRun, 'at'> & { at: string | Date };

function instant(value: string | undefined, flag: string, otherwise: Date): Date {
  if (value === undefined) return otherwise;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new StartupError(`${flag} needs an instant such as 2027-01-01T00:00:00Z.\n${usage}`);
  return new Date(at);
}

/** `npm run schedule`: every run the scheduler would start in a window, sending nothing. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, job: { type: 'string' }, json: { type: 'boolean' } } });
  const from = instant(values.from, '--from', systemClock.now());
  const to = instant(values.to, '--to', new Date(from.getTime() + defaultDays * 24 * 60 * 60 * 1000));
  if (to <= from) throw new StartupError(`--to must come after --from.\n${usage}`);
  const runs = await viaBotOrLocal<RunRow[]>('npm run schedule', {
    bot: (address) => askBot(address, '/schedule', { from: from.toISOString(), to: to.toISOString(), ...(values.job ? { job: values.job } : {}) }),
    async local(database) {
      const deps = createDeps(database.prisma, systemClock, terminalLogger());
      const scheduler = createJobScheduler({ prisma: database.prisma, deps, clients: createWorkspaceClients({}) });
      if (values.job && !scheduler.jobNames.includes(values.job)) throw new StartupError(`No job called "${values.job}". ${usage}`);
      return scheduler.runsBetween(from, to, values.job);
    },
  });
  const rows = runs.map((run) => ({
    job: run.job,
    workspace: run.teamId,
    subject: run.subject,
    local: `${run.localDate} ${run.localTime} ${run.timeZone}`,
    utc: DateTime.fromJSDate(new Date(run.at), { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '',
  }));
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  for (const row of rows) console.log([row.job, row.workspace, row.subject, row.local, row.utc].join('\t'));
  console.error(`${rows.length} run${rows.length === 1 ? '' : 's'} between ${from.toISOString()} and ${to.toISOString()}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError || error instanceof PacerError || error instanceof Error ? error.message : error);
  process.exit(1);
});
