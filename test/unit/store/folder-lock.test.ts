import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PacerError } from '../../../src/errors.js';
import { acquireFolderLock } from '../../../src/store/folder-lock.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pacer-lock-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const lockPath = () => join(folder, 'pacer.lock');
const readLock = async () => JSON.parse(await readFile(lockPath(), 'utf8')) as Record<string, unknown>;
const writeLock = (pid: number, since = '2026-11-23T09:00:00.000Z') =>
  writeFile(lockPath(), JSON.stringify({ pid, hostname: hostname(), command: 'npm start', since }));

describe('acquireFolderLock', () => {
  it('records who holds the folder, and release removes the lock once', async () => {
    const lock = acquireFolderLock(folder, { command: 'npm start' });
    expect(await readLock()).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'npm start' });
    lock.release();
    lock.release();
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a second holder, naming the process that has the folder', () => {
    const lock = acquireFolderLock(folder, { command: 'npm start' });
    try {
      const error = catchError(() => acquireFolderLock(folder, { command: 'npm run console' }));
      expect(error).toBeInstanceOf(PacerError);
      expect(error).toMatchObject({ code: 'data_folder_locked', vars: { folder, pid: process.pid, command: 'npm start' } });
      expect(error.message).toContain(`in use by process ${process.pid} (npm start, since`);
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process holds the lock', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeLock(sleeper.pid ?? -1);
      const error = catchError(() => acquireFolderLock(folder, { command: 'test' }));
      expect(error.message).toContain(`process ${sleeper.pid} (npm start, since 2026-11-23T09:00:00.000Z)`);
    } finally {
      sleeper.kill();
    }
  });

  it('takes over a lock left by a process that has died', async () => {
    await writeLock(await deadPid());
    const lock = acquireFolderLock(folder, { command: 'test' });
    expect(await readLock()).toMatchObject({ pid: process.pid, command: 'test' });
    lock.release();
  });

  it('ignores a takeover guard left behind more than 10 s ago', async () => {
    await writeLock(await deadPid());
    const guard = join(folder, 'pacer.lock.takeover');
    await writeFile(guard, '1');
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(guard, longAgo, longAgo);
    acquireFolderLock(folder, { command: 'test' }).release();
  });

  it('release leaves alone a lock that is no longer ours', async () => {
    const lock = acquireFolderLock(folder, { command: 'test' });
    await writeLock(process.pid, '2030-01-01T00:00:00.000Z');
    lock.release();
    expect(await readLock()).toMatchObject({ since: '2030-01-01T00:00:00.000Z' });
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const racers = await Promise.all([1, 2, 3, 4].map(() => startRacer()));
    try {
      for (let round = 0; round < 10; round++) {
        const roundFolder = join(folder, `round-${round}`);
        await mkdir(roundFolder);
        await writeFile(
          join(roundFolder, 'pacer.lock'),
          JSON.stringify({ pid: await deadPid(), hostname: hostname(), command: 'old', since: 'x' }),
        );
        const startAt = Date.now() + 150;
        const outcomes = await Promise.all(racers.map((racer) => racer.race(roundFolder, startAt)));
        expect(outcomes.filter((outcome) => outcome === 'won')).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome === 'data_folder_locked')).toHaveLength(3);
      }
    } finally {
      await Promise.all(racers.map((racer) => racer.stop()));
    }
  }, 30_000);
});

/** A PID that certainly belongs to no running process: one that has just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

/**
 * A separate process that, per round, spins until a shared instant and then tries to
 * take the lock, answering "won" or the error code; winners keep holding until stop().
 */
async function startRacer(): Promise<{
  race(folder: string, startAt: number): Promise<string>;
  stop(): Promise<void>;
}> {
  const lockModule = pathToFileURL(join(import.meta.dirname, '../../../src/store/folder-lock.ts')).href;
  const script = `
    import { createInterface } from 'node:readline';
    import { acquireFolderLock } from ${JSON.stringify(lockModule)};
    console.log('ready');
    for await (const line of createInterface({ input: process.stdin })) {
      const [folder, startAt] = JSON.parse(line);
      while (Date.now() < startAt);
      try {
        acquireFolderLock(folder, { command: 'racer' });
        console.log('won');
      } catch (error) {
        console.log(error.code ?? String(error));
      }
    }`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: join(import.meta.dirname, '../../..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  if (!child.stdin || !child.stdout) throw new Error('racer has no stdio');
  const stdin = child.stdin;
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const next = await lines.next();
    if (next.done) throw new Error('racer exited');
    return next.value;
  };
  expect(await nextLine()).toBe('ready');
  return {
    race: (raceFolder, startAt) => {
      stdin.write(`${JSON.stringify([raceFolder, startAt])}\n`);
      return nextLine();
    },
    stop: async () => {
      stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}
