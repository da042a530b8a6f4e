import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'eval/**/*.test.ts'],
    // Fault injection runs apart, in `npm run test:faults` (vitest.faults.config.ts).
    exclude: ['**/node_modules/**', 'packages/server/test/faults-*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Storage tests each use their own database (a temp SQLite file or a fresh PostgreSQL schema), so files may run in parallel.
    pool: 'forks',
    // Most files wait more than they compute (PostgreSQL, child processes, Chromium), so more files
    // than cores run at once; vitest's default of one fewer than the cores runs one file at a time on two.
    maxWorkers: 3,
    // The web app is built once, before any file runs (its browser tests and the server's web routes read dist/).
    globalSetup: ['packages/web/test/global-build.ts'],
  },
});
