import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Vitest global setup: builds the app once before any test file runs. Test files run in
 * parallel; each building dist/ itself would rewrite it under another file's running server.
 */
export default async function buildWebOnce(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({ configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
}
