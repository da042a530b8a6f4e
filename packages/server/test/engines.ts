import { DomainError } from '@crosscheck/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Ctx, Deps } from '../src/app/deps.js';
import { defaultConfig } from '../src/config.js';
import { openDeps } from '../src/main.js';
import { getAlert, type FlaggedAlertView } from '../src/app/get-alert.js';
import { listAlerts } from '../src/app/list-alerts.js';
import type { AlertView } from '../src/store/alert-repo.js';

export type EngineName = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export const ENGINES: EngineName[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestStore {
  /** What `--db` or DATABASE_URL would take for this store. */
  target: string;
  drop(): Promise<void>;
}

/** A new, empty database: a temporary SQLite file, or a fresh schema on the PostgreSQL server. */
export async function freshStore(engine: EngineName): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-test-'));
    return { target: join(dir, 'test.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    target: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export interface TestContext {
  deps: Deps;
  store: TestStore;
  close(): Promise<void>;
}

export async function openTestDeps(engine: EngineName, clock?: () => Date): Promise<TestContext> {
  const store = await freshStore(engine);
  const config = defaultConfig({ db: store.target });
  const { deps, database } = await openDeps({ ...config, access: { ...config.access, sessionHours: 1 } });
  if (clock) deps.clock = clock;
  return {
    deps,
    store,
    close: async () => {
      await database.close();
      await store.drop();
    },
  };
}

let requestCounter = 0;
export function as(member: string, role: Ctx['actor']['role'] = 'bureau'): Ctx {
  return { actor: { member, role, credential: `cli:test-${member}-${role}` }, requestId: `req-${++requestCounter}` };
}

export const documentAlert = (issuingState: string, number: string, visibility: unknown = { mode: 'all' }) => ({
  kind: 'document',
  document: { issuingState, type: 'passport', number, status: 'stolen-issued' },
  visibility,
});

export const personAlert = (family: string, visibility: unknown = { mode: 'all' }) => ({
  kind: 'person',
  category: 'missing',
  person: { names: [{ family, given: 'ANNA' }], birthDate: '1974-08', sex: 'F' },
  visibility,
});

/** Awaits a promise that must fail with a DomainError, and returns that error. */
export async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

/** `getAlert` for a reader the test expects to read the alert in full (fails on an instruction). */
export async function readFull(deps: Deps, ctx: Ctx, id: string): Promise<FlaggedAlertView> {
  const read = await getAlert(deps, ctx, id);
  if ('access' in read) throw new Error(`expected the full alert ${id}, got ${read.access}`);
  return read;
}

/** `listAlerts` for a reader the test expects to read every listed alert in full. */
export async function listFull(deps: Deps, ctx: Ctx, query: unknown): Promise<{ items: AlertView[]; next: string | null }> {
  const page = await listAlerts(deps, ctx, query);
  return { ...page, items: page.items.map((a) => { if ('access' in a) throw new Error(`expected the full alert ${a.id}`); return a; }) };
}
