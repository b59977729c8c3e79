import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatabaseLocation } from '../store/database.js';

/**
 * The people and channels the console made up, kept beside the data so that a restart
 * still shows `@bob` and `#sales-east` rather than their ids. The stand-in Slack has no
 * memory of its own, and Pacer stores ids only (a channel's name nowhere).
 */
export interface ConsoleDirectory {
  /** By the lower-case name typed after `@` or `:user`. */
  people: Record<string, ConsolePerson>;
  /** Channel id → the name typed after `#`. */
  channels: Record<string, string>;
}

export interface ConsolePerson {
  id: string;
  tz: string;
  admin: boolean;
}

const directorySchema = z.object({
  people: z.record(z.string(), z.object({ id: z.string(), tz: z.string(), admin: z.boolean() })).catch({}),
  channels: z.record(z.string(), z.string()).catch({}),
});

const fileName = 'pacer-console.json';

/**
 * Where the directory lives: in the embedded data folder, or in the working folder beside a
 * PostgreSQL database; an in-memory database keeps nothing, so neither does its directory.
 */
export function directoryPath(location: DatabaseLocation, cwd = process.cwd()): string | undefined {
  if (location.kind === 'postgres') return join(cwd, fileName);
  return location.folder === null ? undefined : join(location.folder, fileName);
}

/** The directory at `path`; empty when there is none yet or it cannot be read. */
export function readDirectory(path: string | undefined): ConsoleDirectory {
  const empty: ConsoleDirectory = { people: {}, channels: {} };
  if (path === undefined) return empty;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return empty;
  }
  try {
    return directorySchema.parse(JSON.parse(text));
  } catch {
    return empty;
  }
}

/** Written to a temporary file first, so a console killed mid-write leaves the old one whole. */
export function writeDirectory(path: string | undefined, directory: ConsoleDirectory): void {
  if (path === undefined) return;
  writeFileSync(`${path}.tmp`, `${JSON.stringify(directory, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
