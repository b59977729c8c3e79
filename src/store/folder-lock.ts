import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../clock.js';
import { PacerError } from '../errors.js';

export interface FolderLock {
  readonly path: string;
  /** Removes the lock file if it is still ours and lets the folder go; safe to call more than once. */
  release(): void;
}

interface LockContent {
  pid: number;
  hostname: string;
  command: string;
  since: string;
}

export class DataFolderLockedError extends PacerError {
  /** `holder` is undefined when the holder has not yet written who it is (or its note was damaged). */
  constructor(folder: string, holder: LockContent | undefined) {
    super(
      'data_folder_locked',
      holder ? { folder, pid: holder.pid, command: holder.command, since: holder.since } : { folder },
    );
    const who = holder
      ? `process ${holder.pid}${holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`} ` +
        `(${holder.command}, since ${holder.since})`
      : 'another process';
    this.message =
      `The data folder ${folder} is in use by ${who}. ` +
      'Stop that process first, or point DATABASE_URL at another folder.';
  }
}

const LOCK_FILE = 'pacer.lock';
/** How often to look again while a new holder has locked the file but not yet written its note. */
const RETRY_MS = 20;
const MAX_ATTEMPTS = 50;

/**
 * PGlite does not lock its data folder, and two processes on one folder silently lose
 * writes, so whoever opens a file-backed database holds this lock first.
 *
 * The lock is the kernel's, not the file's content: an exclusive lock on the open file
 * `pacer.lock`, which the kernel drops when the process dies however it dies (SIGKILL, the
 * OOM killer). So a dead holder's lock is taken over at once, whatever PID or host name the
 * file names — a restarted container reuses PIDs and a new pod has a new host name — and a
 * live holder is never taken over. The content (pid, host, command, since) only says who
 * holds the folder, for the message a second process shows.
 *
 * Why not a heartbeat (proper-lockfile): its holder refreshes an mtime from a timer, and
 * PGlite runs on the main thread — creating a folder or migrating blocks the event loop for
 * seconds — so a live holder can look stale and be taken over, the very data loss this
 * lock prevents; its stale takeover is also stat-then-remove, which lets two racers both
 * win; and a restart after a crash has to wait out the stale window.
 * Why fs-native-extensions (Holepunch, maintained) and not fs-ext: fs-ext builds its addon
 * in an install script, which npm here does not run without approval (so `npm ci` leaves it
 * unusable); fs-native-extensions ships prebuilt Node-API binaries and has no install script.
 * On Linux it takes an open-file-description lock (fcntl F_OFD_SETLK), on macOS flock(2):
 * both belong to the open file, so closing another descriptor of the same file in this
 * process does not drop the lock (as a classic POSIX fcntl lock would), and a second open
 * in the same process is refused like any other process.
 */
export function acquireFolderLock(folder: string, holder: { command: string }): FolderLock {
  const lockPath = join(folder, LOCK_FILE);
  const mine: LockContent = {
    pid: process.pid,
    hostname: hostname(),
    command: holder.command,
    since: systemClock.now().toISOString(),
  };
  const { tryLock } = lockingAddon();
  let holderSeen: LockContent | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // Not 'w': truncating before holding the lock would erase a live holder's note.
    const fd = openSync(lockPath, constants.O_RDWR | constants.O_CREAT, 0o644);
    let locked: boolean;
    try {
      locked = tryLock(fd);
      if (locked && isStillAt(fd, lockPath)) {
        ftruncateSync(fd, 0);
        writeSync(fd, JSON.stringify(mine), 0);
        return heldLock(lockPath, fd);
      }
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    closeSync(fd);
    // Locked but no longer at the path: its holder released it (removing the file) between
    // our open and our lock. Whoever locks the file now at the path holds the folder.
    if (locked) continue;
    const current = readLock(lockPath);
    if (typeof current === 'object') {
      holderSeen = current;
      if (!isGoneFromHere(current)) break;
    }
    // The holder has locked the file but not yet written its note over the one a dead
    // process left (or over nothing), or it has just released: look again.
    pause(RETRY_MS);
  }
  throw new DataFolderLockedError(folder, holderSeen);
}

/**
 * Only for the message, never for the lock: a note naming a process of this host that no
 * longer exists is, while the file is locked, the previous holder's, about to be
 * overwritten. (A holder in another PID namespace may look gone too: after the retries its
 * note is shown all the same.)
 */
function isGoneFromHere(holder: LockContent): boolean {
  if (holder.hostname !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH';
  }
}

function lockingAddon(): { tryLock(fd: number): boolean } {
  try {
    // No type declarations ship with the package; tryLock(fd) answers false while another
    // open file holds the lock (index.js: EAGAIN becomes false).
    return createRequire(import.meta.url)('fs-native-extensions') as { tryLock(fd: number): boolean };
  } catch (error) {
    throw new Error(
      `Pacer cannot lock an embedded data folder on ${process.platform}-${process.arch} ` +
        `(${error instanceof Error ? error.message : String(error)}). Use PostgreSQL: ` +
        'set DATABASE_URL=postgresql://…',
    );
  }
}

/** Whether the path still names the file this descriptor has open. */
function isStillAt(fd: number, lockPath: string): boolean {
  try {
    const atPath = statSync(lockPath);
    const open = fstatSync(fd);
    return atPath.ino === open.ino && atPath.dev === open.dev;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
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

/**
 * Removes the file before closing it: a process that opened it meanwhile then finds, once
 * it gets the lock, that the path no longer names that file, and starts over.
 */
function heldLock(lockPath: string, fd: number): FolderLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (isStillAt(fd, lockPath)) unlinkSync(lockPath);
    } finally {
      closeSync(fd);
    }
  };
  // Only tidiness: the kernel drops the lock at exit anyway.
  process.on('exit', release);
  return { path: lockPath, release };
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
