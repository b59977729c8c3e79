import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/** A file Pacer sent, as the console kept it: where it was written, and its first rows to show. */
export interface SavedExport {
  /** Relative to the working folder when under it, e.g. `exports/activities-2026-12-01-2026-12-04.csv`. */
  path: string;
  /** The header and up to `previewRows` rows, as they are in the file. */
  preview: string[];
  /** Data rows in the file, the header not counted. */
  rows: number;
}

const rawRecords = z.array(z.object({ raw: z.string() }));

/**
 * Writes an uploaded file into `folder` under its own name (a later export of the same name
 * replaces it) and reads back what to show. A CSV cell may hold a line break, so rows are
 * cut where the CSV reader says a record ends, not at every newline.
 */
export function saveExport(folder: string, filename: string, bytes: Buffer, previewRows = 5, cwd = process.cwd()): SavedExport {
  mkdirSync(folder, { recursive: true });
  // The name comes from Pacer's upload; basename() keeps it inside the folder whatever it holds.
  const target = join(folder, basename(filename) || 'export.csv');
  writeFileSync(target, bytes);
  const shown = relative(cwd, target);
  const path = shown.startsWith('..') ? target : shown;
  let records: { raw: string }[];
  try {
    // With `raw`, csv-parse hands each record with its text; its types do not say so.
    records = rawRecords.parse(parse(bytes, { raw: true, relax_column_count: true, bom: true }));
  } catch {
    // Not a CSV Pacer could read back: show its first lines as they are.
    const lines = bytes.toString('utf8').split('\n');
    return { path, preview: lines.slice(0, previewRows + 1), rows: Math.max(0, lines.filter(Boolean).length - 1) };
  }
  return {
    path,
    preview: records.slice(0, previewRows + 1).map((r) => r.raw.replace(/\r?\n$/, '')),
    rows: Math.max(0, records.length - 1),
  };
}
