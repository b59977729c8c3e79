import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import { config as readDotEnv } from 'dotenv';
import { readAdminAddress, type AdminAddress } from '../admin-endpoint.js';
import { databaseUrl } from '../../config.js';
import { openDatabase, parseDatabaseUrl, type Database } from '../../store/database.js';

/** Bolt's Logger on the terminal, for commands that run jobs outside the bot. */
export function terminalLogger(level: LogLevel = LogLevel.WARN): Logger {
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  let current = level;
  const at = (wanted: LogLevel, write: (...msg: unknown[]) => void) => (...msg: unknown[]) => {
    if (order.indexOf(wanted) >= order.indexOf(current)) write(...msg);
  };
  return {
    debug: at(LogLevel.DEBUG, console.debug),
    info: at(LogLevel.INFO, console.info),
    warn: at(LogLevel.WARN, console.warn),
    error: at(LogLevel.ERROR, console.error),
    setLevel: (next) => void (current = next),
    getLevel: () => current,
    setName: () => undefined,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isRefused(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}

/** Asks the running bot over its admin endpoint. */
export async function askBot<T>(address: AdminAddress, path: string, payload: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${address.port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${address.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10 * 60_000),
  });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `the bot answered HTTP ${response.status}`);
  return answer;
}

/**
 * On an embedded data folder the running bot is asked (the folder belongs to one process);
 * otherwise (no bot running, or PostgreSQL, where any number of processes share the database)
 * the work runs here.
 */
export async function viaBotOrLocal<T>(command: string, ways: { bot: (address: AdminAddress) => Promise<T>; local: (database: Database) => Promise<T> }): Promise<T> {
  readDotEnv({ quiet: true });
  const location = parseDatabaseUrl(databaseUrl());
  if (location.kind === 'pglite' && location.folder !== null) {
    const address = readAdminAddress(location.folder);
    if (address && isAlive(address.pid)) {
      try {
        const answer = await ways.bot(address);
        console.error(`Asked the running Pacer (process ${address.pid}), which holds ${location.folder}.`);
        return answer;
      } catch (error) {
        // A file left by a bot that died (its PID since reused): nobody listens. The folder lock decides.
        if (!isRefused(error)) throw error;
      }
    }
  }
  const database = await openDatabase(databaseUrl(), { command });
  try {
    return await ways.local(database);
  } finally {
    await database.close();
  }
}
