import { defineConfig } from 'vitest/config';

/**
 * Fault injection (`npm run test:faults`): servers and national copies killed with SIGKILL,
 * PostgreSQL connections cut, a full disk. Each spawns real processes and waits out real leases,
 * minutes in all, so they run apart from `npm test`; `.ci/run` runs both.
 */
export default defineConfig({
  test: {
    include: ['packages/server/test/faults-*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
