/** One figure of a bench beside its target; `met` unset for figures reported without one. */
export interface BenchRow {
  figure: string;
  value: string;
  target: string;
  met?: boolean;
}

/** The bench's figures as a table, each marked against its target, then its notes. */
export function printTable(rows: readonly BenchRow[], notes: readonly string[]): void {
  const width = Math.max(...rows.map((r) => r.figure.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length), 5);
  const targetWidth = Math.max(...rows.map((r) => r.target.length), 6);
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(valueWidth)}  ${'target'.padEnd(targetWidth)}`);
  for (const r of rows) {
    const mark = r.met === undefined ? '' : r.met ? '✓' : '✗ MISSED';
    console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(valueWidth)}  ${r.target.padEnd(targetWidth)}  ${mark}`);
  }
  if (notes.length > 0) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
}
