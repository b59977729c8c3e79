import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../clock.js';
import { PacerError } from '../errors.js';

export interface FolderLock {
  readonly path: string;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

interface LockContent {
  pid: number;
  hostname: string;
  command: string;
  since: string;
}

export class DataFolderLockedError extends PacerError {
  constructor(folder: string, holder: LockContent) {
    super('data_folder_locked', {
      folder,
      pid: holder.pid,
      command: holder.command,
      since: holder.since,
    });
    const where = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
    this.message =
      `The data folder ${folder} is in use by process ${holder.pid}${where} ` +
      `(${holder.command}, since ${holder.since}). Stop it first, or point DATABASE_URL ` +
      `at another folder. If that process is gone, delete ${join(folder, LOCK_FILE)}.`;
  }
}

const LOCK_FILE = 'pacer.lock';
/** A takeover guard older than this was left by a process that died mid-takeover. */
const STALE_GUARD_MS = 10_000;
const MAX_ATTEMPTS = 200;

/**
 * PGlite does not lock its data folder, and two processes on one folder silently
 * lose writes, so whoever opens a file-backed database holds this lock first.
 */
export function acquireFolderLock(folder: string, holder: { command: string }): FolderLock {
  const lockPath = join(folder, LOCK_FILE);
  const mine: LockContent = {
    pid: process.pid,
    hostname: hostname(),
    command: holder.command,
    since: systemClock.now().toISOString(),
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (tryCreate(lockPath, mine)) return heldLock(lockPath, mine);
    const current = readLock(lockPath);
    if (current === 'missing') continue;
    if (current !== 'unreadable' && isAlive(current)) throw new DataFolderLockedError(folder, current);
    if (takeOver(lockPath, current, mine)) return heldLock(lockPath, mine);
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing hands.`);
}

/**
 * Written to a private file first and hard-linked into place: link(2) fails if the
 * lock exists (like the 'wx' flag) and the lock never appears half-written.
 */
function tryCreate(lockPath: string, content: LockContent): boolean {
  const draft = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(draft, JSON.stringify(content), { flag: 'w' });
  try {
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function readLock(lockPath: string): LockContent | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isLockContent(parsed) ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function isLockContent(value: unknown): value is LockContent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.pid === 'number' &&
    typeof record.hostname === 'string' &&
    typeof record.command === 'string' &&
    typeof record.since === 'string'
  );
}

/** A holder on another host cannot be checked, so it counts as alive. */
function isAlive(holder: LockContent): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Two processes can find the same stale lock at once; the exclusive guard file makes
 * "check it is still the stale one, delete it, create ours" one step, so only one wins.
 * Returns false when someone else is mid-takeover or got there first: the caller retries.
 */
function takeOver(
  lockPath: string,
  stale: LockContent | 'unreadable',
  mine: LockContent,
): boolean {
  const guardPath = `${lockPath}.takeover`;
  try {
    writeFileSync(guardPath, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    if (guardAge(guardPath) > STALE_GUARD_MS) removeIfPresent(guardPath);
    else pause(20);
    return false;
  }
  try {
    const current = readLock(lockPath);
    if (JSON.stringify(current) !== JSON.stringify(stale)) return false;
    removeIfPresent(lockPath);
    return tryCreate(lockPath, mine);
  } finally {
    removeIfPresent(guardPath);
  }
}

function heldLock(lockPath: string, mine: LockContent): FolderLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    const current = readLock(lockPath);
    if (typeof current === 'object' && current.pid === mine.pid && current.since === mine.since) {
      removeIfPresent(lockPath);
    }
  };
  process.on('exit', release);
  return { path: lockPath, release };
}

function guardAge(guardPath: string): number {
  try {
    return systemClock.now().getTime() - statSync(guardPath).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** Synchronous on purpose: acquiring runs once at start-up, before anything else. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
