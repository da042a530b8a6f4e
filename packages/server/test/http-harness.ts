import type { FastifyInstance } from 'fastify';
import type { Role } from '@crosscheck/core';
import { createKey } from '../src/app/manage-keys.js';
import { defaultConfig } from '../src/config.js';
import { buildApp, type HttpOptions } from '../src/http/build-app.js';
import { as, openTestDeps, type EngineName, type TestContext } from './engines.js';

export interface Harness {
  app: FastifyInstance;
  t: TestContext;
  /** Bearer keys by `MEMBER:role`. */
  keys: Map<string, string>;
  key(member: string, role?: Role): string;
  close(): Promise<void>;
}

/** The real HTTP app over a fresh database, with a key for each requested member and role. */
export async function httpHarness(engine: EngineName, credentials: [string, Role][], bodyLimit = 64 * 1024, options: Partial<HttpOptions> = {}): Promise<Harness> {
  const t = await openTestDeps(engine);
  const app = await buildApp(t.deps, testHttpOptions({ bodyLimit, ...options }));
  const keys = new Map<string, string>();
  for (const [member, role] of credentials) {
    const k = await createKey(t.deps, as('IPO', 'admin'), { member, role });
    keys.set(`${member}:${role}`, k.key);
  }
  return {
    app,
    t,
    keys,
    key: (member, role = 'bureau') => {
      const k = keys.get(`${member}:${role}`);
      if (!k) throw new Error(`no test key for ${member}:${role}`);
      return k;
    },
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

/** The HTTP settings at their defaults, quiet, with `overrides`. */
export function testHttpOptions(overrides: Partial<HttpOptions> = {}): HttpOptions {
  const config = defaultConfig();
  return { ...config.http, connections: config.connections, logLevel: 'silent', secureCookies: false, ...overrides };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
