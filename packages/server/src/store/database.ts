import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** PostgreSQL's connection pool as it stands (for the metrics); SQLite has one connection and none. */
  poolUse?(): PoolUse;
}

export interface PoolUse {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

// int8 (bigint) columns hold sequence numbers far below 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/**
 * Opens a SQLite file or a PostgreSQL URL. A `schema` query parameter on the URL selects (and
 * creates) a PostgreSQL schema, which is how tests isolate themselves on one database.
 */
export async function openDatabase(target: string, limits: SessionLimits = {}): Promise<Database> {
  if (isPostgresUrl(target)) return openPostgres(target, limits);
  return openSqlite(target);
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // WAL with synchronous=NORMAL never corrupts and loses nothing on a process crash; only an
  // operating-system crash may roll back the last transactions. PostgreSQL is for stricter needs.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

// Distinct SQL texts the store issues: a few hundred. Beyond this the cache starts over.
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL is most of the cost of a
 * small statement (a screening issues about ten). Statements are kept by their text. One that is
 * still being iterated (a streamed select) is busy and cannot run twice, so it gets a fresh one.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(text);
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * How long PostgreSQL lets one statement run, and a transaction sit idle between statements,
 * before it ends them. The store's statements are small and paged (the audit scans and backups
 * read pages of a few thousand rows, restores insert batches), so a minute is far above any
 * legitimate one; a statement that takes longer is stuck (a lock never released, a hung client)
 * and would otherwise hold its connection, and for a write the writers' lock, for ever.
 */
export const STATEMENT_TIMEOUT_MS = 60_000;
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
// A connection whose peer vanished without a reset (a network partition) is found by TCP
// keepalive probes this long after it fell silent, instead of after the kernel's two hours.
const KEEPALIVE_DELAY_MS = 10_000;

export interface SessionLimits {
  /** PostgreSQL's statement_timeout; 0 turns it off. */
  statementTimeoutMs?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout; 0 turns it off. */
  idleInTransactionTimeoutMs?: number;
}

async function openPostgres(url: string, limits: SessionLimits): Promise<Database> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name in DATABASE_URL: ${schema}`);
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    // A database that does not answer fails the request (503) instead of holding it forever.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    // Set per session at connection start (no extra round trip); a statement ended by them fails
    // with SQLSTATE 57014 or 25P03, which the HTTP layer answers with 503.
    options: sessionOptions(schema, limits),
  });
  // A connection the database server drops (a restart, pg_terminate_backend) reports an 'error'
  // event, on the pool when idle and on the client when checked out; without a listener that
  // event would end the process. The query in flight fails (a 503), the pool discards the dead
  // client when it is released, and the next query opens a fresh connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return { db, engine: 'postgres', close: () => db.destroy(), poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }) };
}

function sessionOptions(schema: string | null, limits: SessionLimits): string {
  const statement = limits.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  const idle = limits.idleInTransactionTimeoutMs ?? IDLE_IN_TRANSACTION_TIMEOUT_MS;
  for (const ms of [statement, idle]) if (!Number.isInteger(ms) || ms < 0) throw new Error(`invalid session timeout: ${ms} ms`);
  const settings = [`-c statement_timeout=${statement}`, `-c idle_in_transaction_session_timeout=${idle}`];
  if (schema) settings.push(`-c search_path=${schema}`);
  return settings.join(' ');
}

/** Throws when the database cannot answer a trivial query (the health check). */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
