import { RateLimitedError } from '@crosscheck/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/cli.js';
import { ENGINES, as, freshStore, type TestStore } from '../../test/engines.js';
import { logIn } from '../app/log-in.js';
import { addUser } from '../app/manage-users.js';
import { defaultConfig } from '../config.js';
import { openDeps } from '../main.js';

// Every step spawns the CLI (about 2 s of start-up each on an idle machine, several times that
// while the rest of the suite runs beside it).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PASSWORD = 'correct horse battery staple';

describe.each(ENGINES)('crosscheck users unlock on %s', (engine) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore(engine);
  });
  afterEach(async () => store.drop());
  const cli = (args: string[]) => runCli([...args, '--db', store.target]);

  /** Opens the database as a server would, with a clock the test moves. */
  const withDeps = async (work: (deps: Awaited<ReturnType<typeof openDeps>>['deps'], tick: (ms: number) => void) => Promise<void>) => {
    const { deps, database } = await openDeps(defaultConfig({ db: store.target }));
    // From the real time: the CLI that lifts the lockout reads the real clock.
    let now = Date.now();
    deps.clock = () => new Date(now);
    try {
      await work(deps, (ms) => (now += ms));
    } finally {
      await database.close();
    }
  };

  it('lifts a lockout that a server process wrote, so the user logs in at once', async () => {
    await withDeps(async (deps, tick) => {
      await addUser(deps, as('IPO', 'admin'), { username: 'fra.officer', member: 'FRA', role: 'frontline', password: PASSWORD });
      for (let i = 0; i < 30; i++) {
        const error = await logIn(deps, { username: 'fra.officer', password: `guess ${i}` }, { requestId: `r${i}`, source: '203.0.113.7' }).catch((e: unknown) => e);
        if (error instanceof RateLimitedError && error.code === 'auth.locked-out') break;
        if (error instanceof RateLimitedError) tick(error.retryAfterSeconds * 1000);
      }
    });

    const unlocked = await cli(['users', 'unlock', 'fra.officer']);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toBe('lifted the lockout of fra.officer (10 failed logins forgotten)\n');

    await withDeps(async (deps) => {
      expect((await logIn(deps, { username: 'fra.officer', password: PASSWORD }, { requestId: 'r', source: '198.51.100.2' })).user.username).toBe('fra.officer');
      const unlocks = await deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.unlock').execute();
      expect(unlocks.map((u) => [u.credential.startsWith('cli:'), u.outcome])).toEqual([[true, 'ok']]);
    });

    const unknown = await cli(['users', 'unlock', 'nobody']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('user "nobody" not found');
  });
});
