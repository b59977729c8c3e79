/**
 * `npm run bench`: how fast Slack gets its acknowledgement from Pacer, next to a bare
 * Bolt app that only acks, in the same run; plus start-up time on an existing data
 * folder and idle memory. Each app runs in its own process, as deployed (`npm start`'s
 * entry), so the driver and the stand-in Slack in this process do not skew its timings.
 * Targets (issue 3): /log p99 within 3× of the bare app's p99 and under 100 ms; start under 3 s.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createSlackSender, type SlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity } from '../../src/stand-in/slack-web-api.js';

const signingSecret = 'bench-secret';
const warmup = 30;
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
const reps = ['U0BENCH1', 'U0BENCH2', 'U0BENCH3', 'U0BENCH4'];
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
    const userId = reps[i % reps.length] ?? 'U0BENCH1';
    const sent = await send.slashCommand({ teamId: standInIdentity.teamId, userId, command, text, responseUrl: responseUrl() });
    if (sent.status !== 200) throw new Error(`${command} answered ${sent.status}`);
    if (i >= warmup) times.push(sent.elapsedMs);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, gapMs - sent.elapsedMs)));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
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
  child: ChildProcessByStdio<null, Readable, Readable>;
}

/** Starts a script as its own process and waits for its "running" line. */
async function startApp(script: string, env: Record<string, string>, readyText: string): Promise<Running> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SLACK_SIGNING_SECRET: signingSecret, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const startMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 30 s:\n${output}`)), 30_000);
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
  return { url: `http://127.0.0.1:${port}/slack/events`, startMs, child };
}

async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function stop(app: Running): Promise<void> {
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  app.child.kill('SIGTERM');
  await exited;
}

function row(label: string, stats: Stats, bare: Stats): string {
  return `${label.padEnd(34)} ${stats.p50.toFixed(2).padStart(7)} ${stats.p99.toFixed(2).padStart(8)} ${(stats.p99 / bare.p99).toFixed(2).padStart(8)}×`;
}

async function main(): Promise<void> {
  const slack = await startSlackStandIn({ users: reps.map((id, i) => ({ id, name: `rep${i}`, tz: 'Europe/Warsaw' })) });
  const folder = await mkdtemp(join(tmpdir(), 'pacer-bench-'));
  const pacerEnv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.url, DATABASE_URL: `pglite:${folder}`, LOG_LEVEL: 'warn' };
  const responseUrl = () => slack.responseUrl();
  try {
    // A first start creates and migrates the data folder; the measured start reopens it.
    const first = await startApp('src/main.ts', { ...pacerEnv, LOG_LEVEL: 'info' }, 'Pacer is running');
    await stop(first);
    const pacer = await startApp('src/main.ts', { ...pacerEnv, LOG_LEVEL: 'info' }, 'Pacer is running');
    const bare = await startApp('test/bench/bare-app.ts', {}, 'Bare app is running');
    const pacerSend = createSlackSender({ appUrl: pacer.url, signingSecret });
    const bareSend = createSlackSender({ appUrl: bare.url, signingSecret });
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
    const busyRss = await rssMb(pacer.child.pid);
    await stop(pacer);
    await stop(bare);

    console.log(`\nAcknowledgement over HTTP on embedded PGlite; ${rounds} requests each after ${warmup} warm-up; apps in their own processes`);
    console.log(`${''.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(8)} ${'p99/bare'.padStart(9)}`);
    console.log(`steady, ${steadyRate} requests a second:`);
    console.log(row('  bare Bolt app, ack only', bareSteady, bareSteady));
    console.log(row('  Pacer /log call 1', logSteady, bareSteady));
    console.log(row('  Pacer /goal list', listSteady, bareSteady));
    console.log('flood, each request right after the last ack (work after ack piles up):');
    console.log(row('  bare Bolt app, ack only', bareFlood, bareFlood));
    console.log(row('  Pacer /log call 1', logFlood, bareFlood));
    console.log(row('  Pacer /goal list', listFlood, bareFlood));
    const met = logSteady.p99 <= 3 * bareSteady.p99 && logSteady.p99 < 100;
    console.log(`\n/log p99 at ${steadyRate}/s: ${logSteady.p99.toFixed(1)} ms (target ≤ 3× bare p99 = ${(3 * bareSteady.p99).toFixed(1)} ms and < 100 ms) → ${met ? 'met' : 'MISSED'}`);
    console.log(`Start-up of npm start's entry on an existing data folder: ${pacer.startMs.toFixed(0)} ms (target < 3000 ms) → ${pacer.startMs < 3000 ? 'met' : 'MISSED'}`);
    console.log(`Memory (RSS): ${idleRss.toFixed(0)} MB idle after start, ${busyRss.toFixed(0)} MB after the runs`);
  } finally {
    await slack.close();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
