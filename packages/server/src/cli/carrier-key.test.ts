import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/cli.js';
import { as, documentAlert, freshStore, type TestStore } from '../../test/engines.js';
import { bearer, testHttpOptions } from '../../test/http-harness.js';
import { createAlert } from '../app/create-alert.js';
import { defaultConfig } from '../config.js';
import { buildApp } from '../http/build-app.js';
import { openDeps } from '../main.js';

// Every step spawns the CLI (seconds of start-up each on a loaded machine).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// One engine: the CLI and the use cases behind it are the same on both (cli.test.ts runs both).
describe('a carrier key made with the CLI', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore('sqlite');
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
  });
  afterEach(async () => store.drop());
  const cli = (args: string[], input?: string) => runCli([...args, '--db', store.target], input);

  it('is created like any key, checks documents, and opens nothing else; no user may have the role', async () => {
    const created = await cli(['keys', 'create', '--member', 'ESP', '--role', 'carrier', '--label', 'Iberia check-in']);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim().split('\n').pop()!;
    expect((await cli(['keys', 'list'])).stdout).toMatch(/\tESP\tcarrier\tIberia check-in\t.*\tactive/);

    const user = await cli(['users', 'add', 'esp.gate', '--member', 'ESP', '--role', 'carrier'], 'a very long password\n');
    expect(user.code).not.toBe(0);
    expect(user.stderr).toContain('carrier is a role for API keys of airlines and other carriers, not for users');

    const config = defaultConfig({ db: store.target });
    const { deps, database } = await openDeps(config);
    const app = await buildApp(deps, testHttpOptions());
    try {
      await createAlert(deps, as('FRA'), documentAlert('FRA', '12AB34567'));
      const checked = await app.inject({ method: 'POST', url: '/api/v1/check/documents', headers: bearer(key), payload: { documents: [{ issuingState: 'FRA', number: '12AB34567', type: 'passport' }] } });
      expect(checked.json()).toEqual({ results: [{ result: 'refer' }] });
      expect((await app.inject({ method: 'GET', url: '/api/v1/alerts', headers: bearer(key) })).statusCode).toBe(403);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
