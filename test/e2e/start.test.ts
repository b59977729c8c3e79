import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createSlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, type SlackStandIn, type StandInCall, type StandInUser } from '../../src/stand-in/slack-web-api.js';
import { createEmptyDatabaseUrl, testDatabaseAvailable } from '../support/test-database.js';

const signingSecret = 'start-signing-secret';
const mainPath = new URL('../../src/main.ts', import.meta.url).pathname;
// Absolute, so the child can run outside the project: its cwd holds no .env to fill gaps.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ready = /Pacer is running/;
const stackFrame = /^\s+at /m;

const reps = {
  ana: { id: 'U0ANA', name: 'ana', tz: 'UTC' },
  ben: { id: 'U0BEN', name: 'ben', tz: 'UTC' },
  cleo: { id: 'U0CLEO', name: 'cleo', tz: 'UTC' },
  dan: { id: 'U0DAN', name: 'dan', tz: 'UTC' },
} satisfies Record<string, StandInUser>;

const text = (call: StandInCall) => JSON.stringify(call.args.blocks ?? call.args.text);

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `npm start` as an operator runs it: its own process, configured by its environment only. */
interface Pacer {
  child: ChildProcess;
  pid: number;
  port: number;
  appUrl: string;
  /** stdout and stderr as they arrived. */
  output(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** Resolves when `pattern` shows up in the output; rejects when the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit once it happens; rejects after `timeoutMs`. */
  exit(timeoutMs?: number): Promise<Exit>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function bounded<T>(promise: Promise<T>, timeoutMs: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what())), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe.skipIf(!testDatabaseAvailable())('npm start', () => {
  const pglite = inject('testDatabase').kind === 'pglite';
  const running = new Set<Pacer>();
  let slack: SlackStandIn;
  let database: Awaited<ReturnType<typeof createEmptyDatabaseUrl>>;
  let cwd: string;

  /** Only PATH and HOME from the test's environment; `undefined` leaves a variable out. */
  async function startPacer(overrides: Record<string, string | undefined> = {}): Promise<Pacer> {
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries({
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SLACK_BOT_TOKEN: 'xoxb-start-test',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: slack.url,
        PORT: String(port),
        DATABASE_URL: database.url,
        ...overrides,
      }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const child = spawn(process.execPath, ['--import', tsxLoader, mainPath], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    const listeners = new Set<() => void>();
    const notify = () => listeners.forEach((listener) => listener());
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      notify();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stderr += chunk.toString();
      notify();
    });
    let exit: Exit | undefined;
    const exited = new Promise<Exit>((resolve) => {
      // 'close' rather than 'exit': the process is reaped and its output fully read.
      child.once('close', (code, signal) => {
        exit = { code, signal };
        notify();
        resolve(exit);
      });
    });
    const pacer: Pacer = {
      child,
      pid: child.pid ?? -1,
      port,
      appUrl: `http://127.0.0.1:${port}/slack/events`,
      output: () => output,
      stderr: () => stderr,
      exited,
      waitFor(pattern, timeoutMs = 60_000) {
        return new Promise((resolve, reject) => {
          const check = () => {
            if (pattern.test(output)) settle(resolve);
            else if (exit) settle(() => reject(new Error(`Pacer exited (${JSON.stringify(exit)}) before ${pattern}:\n${output}`)));
          };
          const timer = setTimeout(() => settle(() => reject(new Error(`No ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
          const settle = (done: () => void) => {
            clearTimeout(timer);
            listeners.delete(check);
            done();
          };
          listeners.add(check);
          check();
        });
      },
      exit: (timeoutMs = 30_000) => bounded(exited, timeoutMs, () => `Pacer (pid ${child.pid}) still running after ${timeoutMs} ms:\n${output}`),
    };
    running.add(pacer);
    void exited.then(() => running.delete(pacer));
    return pacer;
  }

  async function startedPacer(overrides: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<Pacer> {
    const pacer = await startPacer(overrides);
    await pacer.waitFor(ready, timeoutMs);
    return pacer;
  }

  /** Sends a signed slash command and waits for Pacer's reply on its response_url. */
  async function command(pacer: Pacer, rep: StandInUser, name: string, commandText: string): Promise<StandInCall> {
    const responseUrl = slack.responseUrl();
    const send = createSlackSender({ appUrl: pacer.appUrl, signingSecret });
    const sent = await send.slashCommand({ teamId: slack.teamId, userId: rep.id, userName: rep.name, command: name, text: commandText, responseUrl });
    expect(sent.status, `${name} ${commandText}: ${sent.body}`).toBe(200);
    return slack.waitForCall('response_url', (call) => call.url === responseUrl, 30_000);
  }

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: Object.values(reps) });
    cwd = await mkdtemp(join(tmpdir(), 'pacer-start-cwd-'));
    database = await createEmptyDatabaseUrl();
    // The first start creates and migrates the database (a new PGlite folder takes
    // several seconds); the tests then start on an existing one, as a restart does.
    const first = await startedPacer({}, 150_000);
    first.child.kill('SIGTERM');
    expect(await first.exit()).toEqual({ code: 0, signal: null });
  }, 180_000);
  beforeEach(() => slack.reset());
  afterEach(async () => {
    for (const pacer of running) pacer.child.kill('SIGKILL');
    await Promise.all([...running].map((pacer) => pacer.exited));
  });
  afterAll(async () => {
    for (const pacer of running) pacer.child.kill('SIGKILL');
    await Promise.all([...running].map((pacer) => pacer.exited));
    await database?.dispose();
    await slack?.close();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('answers signed slash commands on /slack/events and refuses a forged one', async () => {
    const pacer = await startedPacer();
    expect(pacer.output()).toContain(`on http://localhost:${pacer.port}/slack/events`);
    // Pacer checks its token with auth.test once at start.
    expect(slack.callsTo('auth.test')).toHaveLength(1);

    await command(pacer, reps.ana, '/goal', 'calls 40 weekly');
    const [ana, ben] = await Promise.all([command(pacer, reps.ana, '/log', 'call 5'), command(pacer, reps.ben, '/log', 'call 5')]);
    expect(text(ana)).toContain('Logged *5 calls*');
    expect(text(ana)).toContain('5 / 40');
    expect(text(ben)).toContain('Logged *5 calls*');

    const forger = createSlackSender({ appUrl: pacer.appUrl, signingSecret: 'not-the-secret' });
    const forged = await forger.slashCommand({ teamId: slack.teamId, userId: reps.ana.id, command: '/log', text: 'call 50', responseUrl: slack.responseUrl() });
    expect(forged.status).toBe(401);
    // Had the forged one counted, this would read 56 / 40.
    expect(text(await command(pacer, reps.ana, '/log', 'call 1'))).toContain('6 / 40');
  });

  it('SIGTERM closes the server and the database and exits 0', async () => {
    const pacer = await startedPacer();
    await command(pacer, reps.ben, '/log', 'email 1');
    pacer.child.kill('SIGTERM');
    expect(await pacer.exit(30_000)).toEqual({ code: 0, signal: null });
    expect(pacer.stderr()).toBe('');
    if (pglite) await expect(readFile(join(folderOf(database.url), 'pacer.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('SIGTERM right after an acknowledged command still answers it before exiting', async () => {
    const pacer = await startedPacer();
    const responseUrl = slack.responseUrl();
    const send = createSlackSender({ appUrl: pacer.appUrl, signingSecret });
    const sent = await send.slashCommand({ teamId: slack.teamId, userId: reps.ana.id, command: '/log', text: 'demo 1', responseUrl });
    expect(sent.status).toBe(200);
    pacer.child.kill('SIGTERM');
    expect(await pacer.exit(30_000)).toEqual({ code: 0, signal: null });
    expect(text(await slack.waitForCall('response_url', (call) => call.url === responseUrl, 1000))).toContain('Logged *1 demo*');
  });

  it.each([
    ['Slack refuses the token', () => slack.queueFault('auth.test', { ok: false, error: 'invalid_auth' }), {}, /Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/],
    ['Slack cannot be reached', () => undefined, { SLACK_API_URL: 'http://127.0.0.1:9/api/' }, /Could not reach Slack at http:\/\/127\.0\.0\.1:9\/api\//],
  ])('exits 1 with one clear line when %s', async (_, arrange, overrides, message) => {
    arrange();
    const pacer = await startPacer(overrides);
    expect(await pacer.exit(60_000)).toEqual({ code: 1, signal: null });
    expect(pacer.stderr()).toMatch(message);
    expect(pacer.output()).not.toMatch(stackFrame);
  });

  it('keeps its data across a restart on the same DATABASE_URL', async () => {
    const before = await startedPacer();
    await command(before, reps.cleo, '/goal', 'calls 40 weekly');
    before.child.kill('SIGTERM');
    expect(await before.exit(30_000)).toEqual({ code: 0, signal: null });

    const after = await startedPacer();
    expect(text(await command(after, reps.cleo, '/log', 'call 1'))).toContain('1 / 40');
  });

  it.skipIf(!pglite)('refuses a PGlite folder another process holds, and takes over when the holder died', async () => {
    const lockPath = join(folderOf(database.url), 'pacer.lock');
    const holder = await startedPacer();

    const second = await startPacer();
    const refused = await second.exit(15_000);
    expect(refused.code).not.toBe(0);
    const lines = second.output().trim().split('\n');
    expect(lines, second.output()).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^The data folder .+ is in use by process ${holder.pid} \\(npm start, since [^)]+\\)\\. Stop that process first, or point DATABASE_URL at another folder\\.$`),
    );
    expect(second.output()).not.toMatch(/delete|remove/i);
    expect(second.output()).not.toMatch(stackFrame);
    // The holder is untouched.
    expect(text(await command(holder, reps.dan, '/log', 'call 1'))).toContain('Logged *1 call*');

    // The kernel drops a killed process's lock: the next start takes over at once, with no
    // stale window to wait out, though the lock file still names the dead process.
    holder.child.kill('SIGKILL');
    expect(await holder.exit(5_000)).toMatchObject({ signal: 'SIGKILL' });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: holder.pid });

    const successor = await startedPacer();
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: successor.pid });
    expect(text(await command(successor, reps.dan, '/log', 'call 1'))).toContain('Logged *1 call*');
    successor.child.kill('SIGTERM');
    expect(await successor.exit(5_000)).toEqual({ code: 0, signal: null });
  }, 60_000 /* three starts in a row; near 20 s on a loaded machine */);

  // What a lock file says after an OOM kill, once the container or pod comes back: only
  // whether a live process holds the lock counts, not the PID or host name the file names.
  it.skipIf(!pglite).each([
    ['a PID now used by another live process', () => ({ pid: process.pid, hostname: hostname() })],
    ['another host (a new pod)', () => ({ pid: 1, hostname: 'pacer-7d9f4-old-pod' })],
  ])('starts on a folder whose lock, left by a killed Pacer, names %s', async (_, holder) => {
    const lockPath = join(folderOf(database.url), 'pacer.lock');
    await writeFile(lockPath, JSON.stringify({ ...holder(), command: 'npm start', since: '2026-11-23T09:00:00.000Z' }));

    const pacer = await startedPacer();
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: pacer.pid, hostname: hostname() });
    expect(text(await command(pacer, reps.dan, '/log', 'call 1'))).toContain('Logged *1 call*');
    pacer.child.kill('SIGTERM');
    expect(await pacer.exit(5_000)).toEqual({ code: 0, signal: null });
  }, 30_000);

  it.each([
    ['SLACK_SIGNING_SECRET is missing', { SLACK_SIGNING_SECRET: undefined }, 'SLACK_SIGNING_SECRET'],
    ['PORT is not a number', { PORT: 'abc' }, 'PORT'],
    ['the OAuth set lacks SLACK_CLIENT_SECRET', { SLACK_BOT_TOKEN: undefined, SLACK_CLIENT_ID: '1.2', SLACK_STATE_SECRET: 'state-secret-0123456789' }, 'SLACK_CLIENT_SECRET'],
  ])('exits 1 when %s, naming the variable, without a stack trace', async (_, overrides, variable) => {
    const pacer = await startPacer(overrides);
    expect(await pacer.exit(30_000)).toEqual({ code: 1, signal: null });
    expect(pacer.stderr()).toMatch(new RegExp(`^\\s+${variable} `, 'm'));
    expect(pacer.output()).not.toMatch(stackFrame);
    expect(pacer.output()).not.toMatch(ready);
  });

  it('with the OAuth variables, checks no token at start and installs workspaces at /slack/install', async () => {
    const pacer = await startedPacer({
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'start-client-secret',
      SLACK_STATE_SECRET: 'start-state-secret-0123456789',
    });
    const base = `http://localhost:${pacer.port}`;
    expect(pacer.output()).toContain(`on ${base}/slack/events, installs at ${base}/slack/install`);
    expect(slack.callsTo('auth.test')).toEqual([]);

    const started = await fetch(`http://127.0.0.1:${pacer.port}/slack/install`, { redirect: 'manual' });
    expect(started.status).toBe(302);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const finished = await fetch(`http://127.0.0.1:${pacer.port}/slack/oauth_redirect?${new URLSearchParams({ code: 'T0START', state })}`, { headers: { cookie } });
    expect(finished.status).toBe(200);
    const installed = slack.installs.findLast((install) => install.teamId === 'T0START');

    const responseUrl = slack.responseUrl();
    const send = createSlackSender({ appUrl: pacer.appUrl, signingSecret });
    await send.slashCommand({ teamId: 'T0START', userId: reps.ana.id, command: '/log', text: 'call 1', responseUrl });
    expect(text(await slack.waitForCall('response_url', (call) => call.url === responseUrl, 30_000))).toContain('Logged *1 call*');
    // The rep's profile is read with the new workspace's own token (the installer's too, for the workspace's language).
    expect(slack.callsTo('users.info').filter((call) => call.args.user === reps.ana.id).map((call) => call.token)).toEqual([installed?.botToken]);
  });

  it('an empty variable counts as unset: SLACK_APP_TOKEN= stays on HTTP', async () => {
    const pacer = await startedPacer({ SLACK_APP_TOKEN: '', LOG_LEVEL: '' });
    expect(pacer.output()).toContain(`on http://localhost:${pacer.port}/slack/events`);
    expect(slack.callsTo('apps.connections.open')).toEqual([]);
    expect(text(await command(pacer, reps.ben, '/log', 'meeting 1'))).toContain('Logged *1 meeting*');
  });
});

function folderOf(url: string): string {
  return url.slice('pglite:'.length);
}
