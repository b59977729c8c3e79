import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

const lockPath = (dir = folder) => join(dir, 'pacer.lock');
const readLock = async () => JSON.parse(await readFile(lockPath(), 'utf8')) as Record<string, unknown>;
const note = (holder: { pid: number; hostname: string }) =>
  JSON.stringify({ ...holder, command: 'npm start', since: '2026-11-23T09:00:00.000Z' });
const advice = 'Stop that process first, or point DATABASE_URL at another folder.';

describe('acquireFolderLock', () => {
  it('records who holds the folder, and release removes the lock once', async () => {
    const lock = acquireFolderLock(folder, { command: 'npm start' });
    expect(await readLock()).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'npm start' });
    lock.release();
    lock.release();
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a second holder in the same process, naming the one that has the folder', () => {
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

  it('refuses while another live process holds the folder, and takes over the moment it is SIGKILLed', async () => {
    const holder = await startLocker();
    expect(await holder.acquire(folder)).toBe('won');

    const error = catchError(() => acquireFolderLock(folder, { command: 'test' }));
    expect(error).toMatchObject({ code: 'data_folder_locked', vars: { pid: holder.pid, command: 'locker' } });
    expect(error.message).toMatch(
      new RegExp(`^The data folder ${folder} is in use by process ${holder.pid} \\(locker, since \\d{4}-[^)]+\\)\\. ${advice}$`),
    );
    expect(error.message).not.toMatch(/delete|remove/i);

    await holder.kill('SIGKILL');
    // Its note is still there, naming a PID; the kernel let go of the lock all the same.
    expect(await readLock()).toMatchObject({ pid: holder.pid, command: 'locker' });
    const lock = acquireFolderLock(folder, { command: 'test' });
    expect(await readLock()).toMatchObject({ pid: process.pid, command: 'test' });
    lock.release();
  });

  it('never takes over a held lock, even one whose note names a process that is gone', async () => {
    const holder = await startLocker();
    try {
      expect(await holder.acquire(folder)).toBe('won');
      const gone = await deadPid();
      await writeFile(lockPath(), note({ pid: gone, hostname: hostname() }));
      const error = catchError(() => acquireFolderLock(folder, { command: 'test' }));
      expect(error).toMatchObject({ code: 'data_folder_locked', vars: { pid: gone } });
    } finally {
      await holder.stop();
    }
  });

  it.each([
    ['names our own PID (a restarted container reuses PIDs)', () => note({ pid: process.pid, hostname: hostname() })],
    ['names a PID another live process now has', () => note({ pid: livePid(process.ppid), hostname: hostname() })],
    ['names another host (a new pod)', () => note({ pid: livePid(1), hostname: 'pacer-7d9f4-old-pod' })],
    ['was cut short by a crash mid-write', () => '{"pid":12'],
  ])('takes over a lock nobody holds that %s', async (_, content) => {
    await writeFile(lockPath(), content());
    const lock = acquireFolderLock(folder, { command: 'test' });
    expect(await readLock()).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'test' });
    lock.release();
  });

  it('keeps the lock when this process opens and closes the lock file again', async () => {
    const lock = acquireFolderLock(folder, { command: 'test' });
    const locker = await startLocker();
    try {
      // A classic POSIX record lock would be dropped here, by closing any descriptor of the file.
      await readLock();
      expect(await locker.acquire(folder)).toBe(`data_folder_locked ${process.pid}`);
    } finally {
      await locker.stop();
      lock.release();
    }
  });

  it('release leaves alone a lock that is no longer ours', async () => {
    const first = acquireFolderLock(folder, { command: 'first' });
    await rm(lockPath());
    const second = acquireFolderLock(folder, { command: 'second' });
    first.release();
    expect(await readLock()).toMatchObject({ command: 'second' });
    second.release();
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const lockers = await Promise.all([1, 2, 3, 4].map(() => startLocker()));
    try {
      for (let round = 0; round < 10; round++) {
        const roundFolder = join(folder, `round-${round}`);
        await mkdir(roundFolder);
        await writeFile(lockPath(roundFolder), note({ pid: await deadPid(), hostname: hostname() }));
        const startAt = Date.now() + 150;
        const outcomes = await Promise.all(lockers.map((locker) => locker.acquire(roundFolder, startAt)));
        const winners = lockers.filter((_, index) => outcomes[index] === 'won');
        expect(winners, outcomes.join(', ')).toHaveLength(1);
        const winner = winners[0]?.pid;
        // The losers name the winner, even when they looked before it had written its note.
        expect(outcomes.filter((outcome) => outcome === `data_folder_locked ${winner}`)).toHaveLength(3);
      }
    } finally {
      await Promise.all(lockers.map((locker) => locker.stop()));
    }
  }, 30_000);
});

function livePid(pid: number): number {
  process.kill(pid, 0);
  return pid;
}

/** A PID that certainly belongs to no running process: one that has just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

interface Locker {
  pid: number;
  /** Takes the folder's lock (at `startAt`, spinning until then) and answers "won" or "<error code> <holder pid>". */
  acquire(folder: string, startAt?: number): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** A separate process that takes folder locks on request; what it won it holds until it exits. */
async function startLocker(): Promise<Locker> {
  const lockModule = pathToFileURL(join(import.meta.dirname, '../../../src/store/folder-lock.ts')).href;
  const script = `
    import { createInterface } from 'node:readline';
    import { acquireFolderLock } from ${JSON.stringify(lockModule)};
    console.log('ready');
    for await (const line of createInterface({ input: process.stdin })) {
      const [folder, startAt] = JSON.parse(line);
      while (Date.now() < startAt);
      try {
        acquireFolderLock(folder, { command: 'locker' });
        console.log('won');
      } catch (error) {
        console.log(error.code ? error.code + ' ' + error.vars.pid : String(error));
      }
    }`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: join(import.meta.dirname, '../../..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  if (!child.stdin || !child.stdout || child.pid === undefined) throw new Error('locker has no stdio');
  const stdin = child.stdin;
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const next = await lines.next();
    if (next.done) throw new Error('locker exited');
    return next.value;
  };
  expect(await nextLine()).toBe('ready');
  return {
    pid: child.pid,
    acquire: (lockFolder, startAt = 0) => {
      stdin.write(`${JSON.stringify([lockFolder, startAt])}\n`);
      return nextLine();
    },
    kill: async (signal) => {
      child.kill(signal);
      await exited;
    },
    stop: async () => {
      stdin.end();
      await exited;
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
