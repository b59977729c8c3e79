/**
 * `npm run bench`: how fast Slack gets its acknowledgement from Pacer, next to a bare
 * Bolt app that only acks, in the same run; plus start-up time on an existing data
 * folder and idle memory. Each app runs in its own process, as deployed (`npm start`'s
 * entry), so the driver and the stand-in Slack in this process do not skew its timings.
 * Targets (issue 3): /log p99 within 3× of the bare app's p99 and under 100 ms.
 * Targets (issue 12, the embedded database off the main thread): back to back, /log ack p99 within
 * 1.5× the bare app's; with 16 /log in flight, ack p99 under 50 ms on PGlite (PostgreSQL alongside);
 * closed loop with 8 in flight, at least 100 /log a second from one process with every reply sent
 * (a slot sends its next /log once its reply is posted; also shown waiting for the rep's Home too).
 * "16 in flight" counts a /log until its reply is posted and the rep's Home published; the bare
 * app's work is its ack. Start-up (spawn to the first command answered, and to the "running" line, on an
 * existing data folder) under 2 s and the first /log after it answered (reply posted) within 200 ms;
 * idle RSS under 300 MB and no more than a bare Bolt app holding PGlite open on the same folder.
 * Pacer runs as `npm start` runs it, compiled (`node dist/src/main.js`: `npm run build` first, which
 * `npm run bench` does); the bare app is transpiled the same way, so neither carries tsx.
 * Environment: BENCH_ROUNDS, PACER_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres;
 * the PostgreSQL rows are skipped, and say so, when nothing answers there).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ts from 'typescript';
import { createSlackSender, type SlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity, type SlackStandIn } from '../../src/stand-in/slack-web-api.js';
import { runOnServer, withDatabase } from '../support/global-setup.js';

const signingSecret = 'bench-secret';
const warmup = 30;
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
const reps = Array.from({ length: 16 }, (_, i) => `U0BENCH${String(i + 1).padStart(2, '0')}`);
const serverUrl = process.env.PACER_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** Commands each in-flight slot sends, after `slotWarmup` unmeasured ones. */
const perSlot = Number(process.env.BENCH_PER_SLOT ?? 30);
const slotWarmup = 3;
const backToBackRatioTarget = 1.5;
const inFlightP99TargetMs = 50;
const throughputTarget = 100;
const startTargetMs = 2000;
const firstLogTargetMs = 200;
const rssTargetMb = 300;
const pacerEntry = 'dist/src/main.js';
/** The node flags `npm start` runs the entry with (package.json `config.nodeFlags`), so the bench runs what users run. */
const pacerFlags = ((JSON.parse(await readFile('package.json', 'utf8')) as { config?: { nodeFlags?: string } }).config?.nodeFlags ?? '')
  .split(' ')
  .filter((flag) => flag !== '');
/** Requests a second in the steady run: a busy sales floor, well above a normal team's rate. */
const steadyRate = 20;

interface Stats {
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Sends `rounds` signed commands, one after another or at a steady rate, and times each acknowledgement. */
async function measure(send: SlackSender, command: string, text: string, responseUrl: () => string, gapMs: number): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < warmup + rounds; i += 1) {
    const userId = reps[i % 4] ?? 'U0BENCH01';
    const sent = await send.slashCommand({ teamId: standInIdentity.teamId, userId, command, text, responseUrl: responseUrl() });
    if (sent.status !== 200) throw new Error(`${command} answered ${sent.status}`);
    if (i >= warmup) times.push(sent.elapsedMs);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, gapMs - sent.elapsedMs)));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

interface InFlightStats extends Stats {
  perSecond: number;
  count: number;
}

/**
 * What a slot waits for before its next `/log`: the ack (the bare app's only work); Pacer's ephemeral
 * reply; or the reply and the rep's Home (`views.publish`) both. Waiting for the reply alone lets one
 * rep's next /log arrive while their Home is still being drawn, so Home redraws coalesce.
 */
type SlotWait = 'ack' | 'reply' | 'reply and Home';

/** `slots` reps each send `/log` over and over, the next once the last one's `wait` has reached Slack. */
async function inFlight(send: SlackSender, slack: SlackStandIn, slots: number, wait: SlotWait): Promise<InFlightStats> {
  const replies = new Map<string, () => void>();
  const homes = new Map<string, () => void>();
  const unsubscribe = slack.onCall((call) => {
    if (call.method === 'response_url' && call.url !== undefined) replies.get(call.url)?.();
    if (call.method === 'views.publish' && typeof call.args.user_id === 'string') homes.get(call.args.user_id)?.();
  });
  const waitFor = (map: Map<string, () => void>, key: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${map === replies ? 'reply' : 'Home'} for ${key} within 60 s`)), 60_000);
      map.set(key, () => {
        clearTimeout(timer);
        map.delete(key);
        resolve();
      });
    });
  const one = async (userId: string): Promise<number> => {
    const url = slack.responseUrl();
    const work = Promise.all([
      wait === 'ack' ? undefined : waitFor(replies, url),
      wait === 'reply and Home' ? waitFor(homes, userId) : undefined,
    ]);
    const sent = await send.slashCommand({ teamId: standInIdentity.teamId, userId, command: '/log', text: 'call 1', responseUrl: url });
    if (sent.status !== 200) throw new Error(`/log answered ${sent.status}`);
    await work;
    return sent.elapsedMs;
  };
  const users = reps.slice(0, slots);
  await quiet(slack);
  try {
    await Promise.all(users.map(async (userId) => {
      for (let i = 0; i < slotWarmup; i += 1) await one(userId);
    }));
    const times: number[] = [];
    const started = performance.now();
    await Promise.all(users.map(async (userId) => {
      for (let i = 0; i < perSlot; i += 1) times.push(await one(userId));
    }));
    const elapsedS = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: times.length / elapsedS, count: times.length };
  } finally {
    unsubscribe();
  }
}

/** Waits until Slack has heard nothing for a second: work left over from the last run is done. */
async function quiet(slack: SlackStandIn): Promise<void> {
  let seen = -1;
  while (slack.calls.length !== seen) {
    seen = slack.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server.address() as AddressInfo);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Running {
  url: string;
  startMs: number;
  /** Spawn to the first signed slash command answered with 200 (tried every 10 ms from the spawn). */
  firstAnswerMs: number;
  child: ChildProcessByStdio<null, Readable, Readable>;
}

/** Starts a script as its own process and waits for its "running" line. */
const children = new Set<ChildProcessByStdio<null, Readable, Readable>>();

async function startApp(script: string, env: Record<string, string>, readyText: string): Promise<Running> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(script === pacerEntry ? pacerFlags : []), script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SLACK_SIGNING_SECRET: signingSecret, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  // What Slack sees of a start: its first command answered (`/log help`, which writes nothing).
  const probe = createSlackSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret });
  const firstAnswer = (async () => {
    for (;;) {
      const answered = await probe
        .slashCommand({ teamId: standInIdentity.teamId, userId: reps.at(-1) ?? 'U0BENCH16', command: '/log', text: 'help', responseUrl: env.SLACK_API_URL ? new URL('/response/start-probe', env.SLACK_API_URL).href : 'http://127.0.0.1:9/' })
        .then((sent) => sent.status === 200, () => false);
      if (answered) return performance.now() - started;
      if (child.exitCode !== null) return Number.NaN;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const startMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 60 s:\n${output}`)), 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}/slack/events`, startMs, firstAnswerMs: await firstAnswer, child };
}

/** The bare app as plain JavaScript beside node_modules (so its imports resolve), as Pacer's build would emit it. */
async function compiledBareApp(): Promise<string> {
  const source = await readFile('test/bench/bare-app.ts', 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const folder = 'node_modules/.cache/pacer-bench';
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'bare-app.mjs');
  await writeFile(file, outputText);
  return file;
}

/** Sends one /log and waits for its reply on response_url: how long a rep waits for the answer. */
async function firstLog(send: SlackSender, slack: SlackStandIn): Promise<number> {
  const url = slack.responseUrl();
  const started = performance.now();
  const replied = slack.waitForCall('response_url', (call) => call.url === url, 30_000);
  const sent = await send.slashCommand({ teamId: standInIdentity.teamId, userId: reps[0] ?? 'U0BENCH01', command: '/log', text: 'call 1', responseUrl: url });
  if (sent.status !== 200) throw new Error(`/log answered ${sent.status}`);
  await replied;
  return performance.now() - started;
}

async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** CPU time (ms) the app's main thread, and the whole process, have used so far (Linux /proc, 100 ticks a second). */
async function cpuMs(pid: number | undefined): Promise<{ main: number; all: number }> {
  const ticks = async (path: string) => {
    const fields = (await readFile(path, 'utf8').catch(() => '')).replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return { main: await ticks(`/proc/${pid}/task/${pid}/stat`), all: await ticks(`/proc/${pid}/stat`) };
}

async function stop(app: Running): Promise<void> {
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  app.child.kill('SIGTERM');
  await exited;
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | string> {
  const name = `pacer_bench_${Date.now().toString(36)}`;
  try {
    await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  } catch (error) {
    return `no PostgreSQL at ${serverUrl} (${error instanceof Error ? error.message : String(error)})`;
  }
  return { url: withDatabase(serverUrl, name), drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

function row(label: string, stats: Stats, bare: Stats): string {
  return `${label.padEnd(34)} ${stats.p50.toFixed(2).padStart(7)} ${stats.p99.toFixed(2).padStart(8)} ${(stats.p99 / bare.p99).toFixed(2).padStart(8)}×`;
}

async function main(): Promise<void> {
  const slack = await startSlackStandIn({ users: reps.map((id, i) => ({ id, name: `rep${i}`, tz: 'Europe/Warsaw' })) });
  const folder = await mkdtemp(join(tmpdir(), 'pacer-bench-'));
  const pacerEnv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.url, DATABASE_URL: `pglite:${folder}`, LOG_LEVEL: 'warn' };
  const responseUrl = () => slack.responseUrl();
  const postgres = await postgresDatabase();
  try {
    const built = await stat(pacerEntry).catch(() => null);
    if (!built) throw new Error(`${pacerEntry} is missing: run npm run build first (npm run bench does).`);
    const bareApp = await compiledBareApp();
    // A first start creates and migrates the data folder; the measured start reopens it.
    const first = await startApp(pacerEntry, { ...pacerEnv, LOG_LEVEL: 'info' }, 'Pacer is running');
    await stop(first);
    // The floor for memory: Bolt and PGlite open on the same folder, nothing else.
    const bareHolding = await startApp(bareApp, { BARE_PGLITE_FOLDER: folder }, 'Bare app is running');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const bareHoldingRss = await rssMb(bareHolding.child.pid);
    await stop(bareHolding);
    const bare = await startApp(bareApp, {}, 'Bare app is running');
    const pacer = await startApp(pacerEntry, { ...pacerEnv, LOG_LEVEL: 'info' }, 'Pacer is running');
    const pacerSend = createSlackSender({ appUrl: pacer.url, signingSecret });
    const bareSend = createSlackSender({ appUrl: bare.url, signingSecret });
    // Sent the moment Pacer says it is running, before anything else reaches it.
    const firstLogMs = await firstLog(pacerSend, slack);
    for (const userId of reps) {
      await pacerSend.slashCommand({ teamId: standInIdentity.teamId, userId, command: '/goal', text: 'calls 400 weekly', responseUrl: responseUrl() });
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleRss = await rssMb(pacer.child.pid);

    const gap = 1000 / steadyRate;
    const bareSteady = await measure(bareSend, '/log', 'call 1', responseUrl, gap);
    const logSteady = await measure(pacerSend, '/log', 'call 1', responseUrl, gap);
    const listSteady = await measure(pacerSend, '/goal', 'list', responseUrl, gap);
    const bareFlood = await measure(bareSend, '/log', 'call 1', responseUrl, 0);
    const logFlood = await measure(pacerSend, '/log', 'call 1', responseUrl, 0);
    const listFlood = await measure(pacerSend, '/goal', 'list', responseUrl, 0);
    const bare16 = await inFlight(bareSend, slack, 16, 'ack');
    const log16 = await inFlight(pacerSend, slack, 16, 'reply and Home');
    const bare8 = await inFlight(bareSend, slack, 8, 'ack');
    const cpuBefore = await cpuMs(pacer.child.pid);
    const log8 = await inFlight(pacerSend, slack, 8, 'reply and Home');
    const cpuAfter = await cpuMs(pacer.child.pid);
    const replies8 = await inFlight(pacerSend, slack, 8, 'reply');
    const cpuPerLog = { main: (cpuAfter.main - cpuBefore.main) / (log8.count + 8 * slotWarmup), all: (cpuAfter.all - cpuBefore.all) / (log8.count + 8 * slotWarmup) };
    const busyRss = await rssMb(pacer.child.pid);
    await stop(pacer);
    await stop(bare);

    let onPostgres: { log16: InFlightStats; log8: InFlightStats; replies8: InFlightStats } | string;
    if (typeof postgres === 'string') {
      onPostgres = postgres;
    } else {
      const served = await startApp(pacerEntry, { ...pacerEnv, DATABASE_URL: postgres.url, LOG_LEVEL: 'info' }, 'Pacer is running');
      const servedSend = createSlackSender({ appUrl: served.url, signingSecret });
      for (const userId of reps) {
        await servedSend.slashCommand({ teamId: standInIdentity.teamId, userId, command: '/goal', text: 'calls 400 weekly', responseUrl: responseUrl() });
      }
      onPostgres = {
        log16: await inFlight(servedSend, slack, 16, 'reply and Home'),
        log8: await inFlight(servedSend, slack, 8, 'reply and Home'),
        replies8: await inFlight(servedSend, slack, 8, 'reply'),
      };
      await stop(served);
    }

    console.log(`\nAcknowledgement over HTTP on embedded PGlite; ${rounds} requests each after ${warmup} warm-up; apps in their own processes`);
    console.log(`${''.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(8)} ${'p99/bare'.padStart(9)}`);
    console.log(`steady, ${steadyRate} requests a second:`);
    console.log(row('  bare Bolt app, ack only', bareSteady, bareSteady));
    console.log(row('  Pacer /log call 1', logSteady, bareSteady));
    console.log(row('  Pacer /goal list', listSteady, bareSteady));
    console.log('back to back, each request right after the last ack (work after ack piles up):');
    console.log(row('  bare Bolt app, ack only', bareFlood, bareFlood));
    console.log(row('  Pacer /log call 1', logFlood, bareFlood));
    console.log(row('  Pacer /goal list', listFlood, bareFlood));
    const slotRow = (label: string, stats: InFlightStats, bareStats: InFlightStats) =>
      `${row(label, stats, bareStats)} ${stats.perSecond.toFixed(1).padStart(8)}/s ${(stats.perSecond / bareStats.perSecond).toFixed(2).padStart(6)}× bare`;
    console.log(`in flight: each slot sends its next /log once the last one's reply and Home (bare app: ack) reached Slack; ${perSlot} a slot after ${slotWarmup} warm-up`);
    console.log(slotRow('  16 in flight, bare Bolt app', bare16, bare16));
    console.log(slotRow('  16 in flight, Pacer on PGlite', log16, bare16));
    if (typeof onPostgres !== 'string') console.log(slotRow('  16 in flight, Pacer on PostgreSQL', onPostgres.log16, bare16));
    console.log(slotRow('  8 in flight, bare Bolt app', bare8, bare8));
    console.log(slotRow('  8 in flight, Pacer on PGlite', log8, bare8));
    if (typeof onPostgres !== 'string') console.log(slotRow('  8 in flight, Pacer on PostgreSQL', onPostgres.log8, bare8));
    console.log(slotRow('  8 in flight, reply only, PGlite', replies8, bare8));
    if (typeof onPostgres !== 'string') console.log(slotRow('  8 in flight, reply only, PostgreSQL', onPostgres.replies8, bare8));
    else console.log(`  PostgreSQL rows skipped: ${onPostgres}`);

    const met = logSteady.p99 <= 3 * bareSteady.p99 && logSteady.p99 < 100;
    console.log(`\n/log p99 at ${steadyRate}/s: ${logSteady.p99.toFixed(1)} ms (target ≤ 3× bare p99 = ${(3 * bareSteady.p99).toFixed(1)} ms and < 100 ms) → ${verdict(met)}`);
    const ratio = logFlood.p99 / bareFlood.p99;
    console.log(`/log ack back to back: p50 ${logFlood.p50.toFixed(1)} ms, p99 ${logFlood.p99.toFixed(1)} ms = ${ratio.toFixed(2)}× bare p99 ${bareFlood.p99.toFixed(1)} ms (target ≤ ${backToBackRatioTarget}×) → ${verdict(ratio <= backToBackRatioTarget)}`);
    console.log(`/log ack p99, 16 in flight on PGlite: ${log16.p99.toFixed(1)} ms = ${(log16.p99 / bare16.p99).toFixed(2)}× bare (target < ${inFlightP99TargetMs} ms) → ${verdict(log16.p99 < inFlightP99TargetMs)}` +
      (typeof onPostgres === 'string' ? '' : `; on PostgreSQL ${onPostgres.log16.p99.toFixed(1)} ms`));
    console.log(`/log a second, closed loop, 8 in flight on PGlite, next after the reply: ${replies8.perSecond.toFixed(1)} (target ≥ ${throughputTarget}) → ${verdict(replies8.perSecond >= throughputTarget)}` +
      (typeof onPostgres === 'string' ? '' : `; on PostgreSQL ${onPostgres.replies8.perSecond.toFixed(1)} → ${verdict(onPostgres.replies8.perSecond >= throughputTarget)}`));
    console.log(`  next after the reply and the Home: ${log8.perSecond.toFixed(1)} on PGlite` + (typeof onPostgres === 'string' ? '' : `, ${onPostgres.log8.perSecond.toFixed(1)} on PostgreSQL`));
    console.log(`CPU a /log (8 in flight, its work included): ${cpuPerLog.main.toFixed(1)} ms on the main thread, ${cpuPerLog.all.toFixed(1)} ms in the whole process`);
    console.log(
      `Start-up of npm start's entry (node ${[...pacerFlags, pacerEntry].join(' ')}) on an existing data folder, spawn to the first command answered: ${pacer.firstAnswerMs.toFixed(0)} ms (target < ${startTargetMs} ms) → ${verdict(pacer.firstAnswerMs < startTargetMs)}; to the "running" line (listening and warm): ${pacer.startMs.toFixed(0)} ms`,
    );
    console.log(`First /log after that start, sent to reply posted: ${firstLogMs.toFixed(0)} ms (target < ${firstLogTargetMs} ms) → ${verdict(firstLogMs < firstLogTargetMs)}`);
    const rssMet = idleRss < rssTargetMb && idleRss <= bareHoldingRss;
    console.log(`Idle RSS after start: ${idleRss.toFixed(0)} MB; bare Bolt app holding PGlite open on the same folder ${bareHoldingRss.toFixed(0)} MB (target < ${rssTargetMb} MB and ≤ the bare app) → ${verdict(rssMet)}; ${busyRss.toFixed(0)} MB after the runs`);
    console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at the end`);
  } finally {
    // After a failure an app may still be running, and writing to its data folder.
    await Promise.all([...children].map((child) => stop({ child, url: '', startMs: 0, firstAnswerMs: 0 })));
    await slack.close();
    await rm(folder, { recursive: true, force: true, maxRetries: 5 });
    if (typeof postgres !== 'string') await postgres.drop();
  }
}

await main();
