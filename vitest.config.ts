import { defineConfig } from 'vitest/config';

// The integration suite (test/e2e) runs twice: on embedded PGlite and on a
// PostgreSQL server, so both backends are held to the same behaviour.
const integration = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Ceilings that only a hang reaches: every wait in the suite is for an event (a reply, an
    // exit, a line of output), and on a loaded 2-core machine a test that starts Pacer as a
    // process or a fresh PGlite can take several times what it does on a quiet one.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          env: { PACER_TEST_DB: 'pglite' },
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { PACER_TEST_DB: 'postgres' },
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
