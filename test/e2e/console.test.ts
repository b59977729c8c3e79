import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const consolePath = new URL('../../src/console/main.ts', import.meta.url).pathname;
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a console run may take at most: only a hang reaches it, as the console waits for each answer. */
const consoleCeilingMs = 150_000;

/** `npm run console < script`: the real app driven line by line, its answers printed as text. */
function runConsole(args: string[], script: string, options: { cwd?: string; databaseUrl?: string } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, consolePath, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: options.databaseUrl ?? 'pglite:memory' },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`console did not finish:\n${output}`));
    }, consoleCeilingMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(script);
  });
}

// The console runs on an in-memory PGlite of its own; one backend is enough.
describe.skipIf(inject('testDatabase').kind !== 'pglite')('npm run console', () => {
  it('reads commands from a pipe, prints replies, presses buttons and exits at the end', async () => {
    const script = ['/goal calls 40 weekly', '/log calls 8 Acme Corp', ':click 1', '/pacer team create East #sales-east', ':home', ''].join('\n');
    const { code, output } = await runConsole(['--user', 'mia', '--admin', '--tz', 'Europe/Warsaw'], script);
    expect(code, output).toBe(0);
    expect(output).toContain('mia> /log calls 8 Acme Corp');
    expect(output).toContain('Logged *8 calls* · lead: Acme Corp');
    expect(output).toContain('Undone: 8 calls is no longer counted.');
    expect(output).toContain('Team *East* created; its boards and shout-outs go to #sales-east.');
    expect(output).toContain('App Home of @mia:');
    expect(output).toContain('*Calls this week:* 0 / 40');
    // Each command is answered before the next line is read: its prompt comes after the answer above.
    const inOrder = ['mia> /goal calls 40 weekly', 'Goal set', 'mia> /log calls 8', 'Logged *8 calls*', 'mia> :click 1', 'Undone:', 'mia> /pacer team create', 'Team *East* created', 'mia> :home', 'App Home of @mia:'];
    const at = inOrder.map((text) => output.indexOf(text));
    expect(at, output).toEqual([...at].sort((x, y) => x - y));
    expect(at).not.toContain(-1);
  }, consoleCeilingMs + 10_000);

  it('drives /pacer types: a form pushed over the list, saved, and the list redrawn', async () => {
    const script = [':user mia admin', '/pacer types', ':click 4', ':submit label=Showcase plural=Showcases daily_points_cap=20', ''].join('\n');
    const { code, output } = await runConsole([], script);
    expect(code, output).toBe(0);
    expect(output).toContain('pacer opened a form: Activity types');
    expect(output).toContain('Also: demos, presentation, presentations  [4: Edit]');
    expect(output).toContain('pacer opened a form on top: Change a type');
    expect(output).toContain('label* — Name (plain text input): demo');
    expect(output).toContain('active — In use (yes or no): yes');
    expect(output).toContain('daily_points_cap — Daily points cap (number input)');
    const redrawn = output.slice(output.indexOf('pacer redrew the form: Activity types'));
    expect(redrawn).toContain('*Showcases* · `demo` · counted · 4 points each · max 20 pts a day');
  }, consoleCeilingMs + 10_000);

  it('drives /pacer settings: fields filled in, one typed, the rest sent as shown', async () => {
    const script = ['/pacer team create East #sales-east', '/pacer settings', ':submit estimates=40', ':submit estimates=4 board_at=10:30 ranking=goal digest_daily=17:00', ''].join('\n');
    const { code, output } = await runConsole(['--user', 'mia', '--admin'], script);
    expect(code, output).toBe(0);
    expect(output).toContain('channel* — Team channel (#channel): #sales-east');
    expect(output).toContain('estimates* — Estimates per unit of quota (number input): 3');
    expect(output).toMatch(/The form is still open:\n {2}estimates: Give a number from 0.5 to 20/);
    expect(output).toContain('*Channel:* #sales-east');
    expect(output).toContain('*Estimates per unit of quota:* 4');
    expect(output).toContain('*Board:* Monday 10:30, by goal attainment');
    expect(output).toContain('*Digest:* Monday 08:30 · daily 17:00');
  }, consoleCeilingMs + 10_000);

  it('a restart keeps names, the --tz given wins over the stored zone, and an export is written to ./exports', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'pacer-console-'));
    try {
      const databaseUrl = `pglite:${join(cwd, 'data')}`;
      const first = await runConsole(['--admin', '--tz', 'Europe/Warsaw'], ['/pacer team create East #sales-east', '/pacer team East add @bob', '/log call 3 Acme Corp', ''].join('\n'), { cwd, databaseUrl });
      expect(first.code, first.output).toBe(0);
      expect(first.output).toContain('@bob added to *East*.');

      const script = ['/pacer team East', ':home', '/pacer export activities', ''].join('\n');
      const { code, output } = await runConsole(['--tz', 'America/Los_Angeles'], script, { cwd, databaseUrl });
      expect(code, output).toBe(0);
      expect(output).toContain('You are @rita (admin) in America/Los_Angeles.');
      expect(output).toContain('*Reps:* @bob');
      expect(output).toContain('*Channel:* #sales-east');
      expect(output).toContain('times in America/Los_Angeles');
      expect(output).toMatch(/saved as exports\/activities[\w.-]*\.csv \(1 row\):\n {2}occurred_at,/);
      const [saved = ''] = await readdir(join(cwd, 'exports'));
      expect(await readFile(join(cwd, 'exports', saved), 'utf8')).toContain(',call,3,,3,Acme Corp,');
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  }, 2 * consoleCeilingMs + 10_000);
});
