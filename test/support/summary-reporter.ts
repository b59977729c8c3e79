import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends the output with one line over every project (unit, pglite, postgres), e.g.
 * "212 passed, 0 failed, 14 skipped", so a run can be judged from its last line.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      let failedHere = 0;
      for (const test of testModule.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else if (state === 'skipped') skipped++;
      }
      // A file that fails outside its tests (import error, beforeAll) counts once.
      if (failedHere === 0 && testModule.state() === 'failed') failedHere = 1;
      failed += failedHere;
    }
    const parts = [`${passed} passed`, `${failed} failed`];
    if (skipped > 0) parts.push(`${skipped} skipped`);
    if (unhandledErrors.length > 0) parts.push(`${unhandledErrors.length} unhandled errors`);
    process.stdout.write(`${parts.join(', ')}\n`);
  }
}
