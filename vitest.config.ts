import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Time zones the calendar tests run under: results must not depend on the machine's zone. */
const CALENDAR_ZONES = ['UTC', 'Europe/Moscow', 'America/Los_Angeles', 'Asia/Vladivostok'];
const CALENDAR_TESTS = ['tests/core/calendar/**/*.test.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default (one worker fewer than the cores) is one worker on a two-core machine, and most files spend
    // their time waiting on servers, child processes and sockets: two at a time take two thirds of the time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // The first lint of the boundary test warms up the TypeScript resolver: seconds on a busy machine.
          testTimeout: 20_000,
          include: ['tests/core/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          exclude: CALENDAR_TESTS,
        },
      },
      ...CALENDAR_ZONES.map((zone) => ({
        test: {
          name: `calendar ${zone}`,
          environment: 'node' as const,
          include: CALENDAR_TESTS,
          env: { TZ: zone },
        },
      })),
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/package/**/*.test.ts', 'tests/deploy/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // The server suite once more on PostgreSQL: a throw-away cluster for the run, a database per test server.
        // Tests of parts no engine changes (config, error handler, demo pages) run in the SQLite project only.
        test: {
          name: 'server-postgres',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          exclude: ['tests/server/units.test.ts', 'tests/server/demo.test.ts', 'tests/server/error-handler.test.ts'],
          env: { SUPPORT_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/server/postgres-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'proof',
          environment: 'node',
          include: ['tests/proof/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium for the whole suite; files share the module graph instead of re-importing it.
          maxWorkers: 1,
          isolate: false,
          // One browser at a time, after the node projects (a project of its own worker count runs in a group of
          // its own): Chromium beside two node workers on two cores slows all three down.
          sequence: { groupOrder: 1 },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          css: true,
          environment: 'jsdom',
          include: ['tests/widget/**/*.test.{ts,tsx}', 'tests/embed/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/widget/setup.ts'],
          // Above the 10 s that findBy… and waitFor may wait on a busy machine (tests/widget/setup.ts).
          testTimeout: 20_000,
          env: { TZ: 'Asia/Yekaterinburg' },
        },
      },
    ],
  },
});
