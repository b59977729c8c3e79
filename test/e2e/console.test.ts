import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const consolePath = new URL('../../src/console/main.ts', import.meta.url).pathname;
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** `npm run console < script`: the real app driven line by line, its answers printed as text. */
function runConsole(args: string[], script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, consolePath, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: 'pglite:memory' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`console did not finish:\n${output}`));
    }, 60_000);
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
    expect(code).toBe(0);
    expect(output).toContain('mia> /log calls 8 Acme Corp');
    expect(output).toContain('Logged *8 calls* · lead: Acme Corp');
    expect(output).toContain('Undone: 8 calls is no longer counted.');
    expect(output).toContain('Team *East* created; its boards and shout-outs go to #sales-east.');
    expect(output).toContain('App Home of @mia:');
    expect(output).toContain('*Calls this week:* 0 / 40');
  }, 70_000);
});
