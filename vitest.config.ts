import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Storage tests each use their own database (a temp SQLite file or a fresh PostgreSQL schema), so files may run in parallel.
    pool: 'forks',
    // The web app is built once, before any file runs (its browser tests and the server's web routes read dist/).
    globalSetup: ['packages/web/test/global-build.ts'],
  },
});
