import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { appliedMigrations, dataTables, holdsData } from './backup-tables.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export const BACKUP_FORMAT = 'crosscheck-backup/1';
const PAGE = 5000;
// PostgreSQL takes at most 65,535 parameters a statement.
const MAX_PARAMS = 30_000;

interface Header {
  format: typeof BACKUP_FORMAT;
  engine: 'postgres';
  migrations: string[];
  createdAt: string;
}

/**
 * Writes every table of the current schema to `file` (gzip, JSON lines: a header, then per
 * table its columns and one array per row, then a trailer with the counts), all read in one
 * REPEATABLE READ snapshot, so the copy is consistent while the server keeps writing. The file
 * appears under its name only when complete.
 */
export async function dumpPostgres(db: Kysely<DB>, file: string, createdAt: string): Promise<Record<string, number>> {
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(tmp, { mode: 0o600 }));
  const write = async (value: unknown): Promise<void> => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const counts = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        await sql`set transaction read only`.execute(tx).catch(() => undefined);
        const header: Header = { format: BACKUP_FORMAT, engine: 'postgres', migrations: await appliedMigrations(tx), createdAt };
        await write(header);
        const counts: Record<string, number> = {};
        for (const table of await dataTables(tx, 'postgres')) {
          const columns = (await sql<{ c: string }>`select column_name as c from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(tx)).rows.map((r) => r.c);
          await write({ table, columns });
          counts[table] = 0;
          // Keyset paging on the physical row address: any table, whatever its key, in one pass.
          let after = '(0,0)';
          for (;;) {
            const rows = (await sql<Record<string, unknown>>`select ctid::text as "__ctid", ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where ctid > ${after}::tid order by ctid limit ${PAGE}`.execute(tx)).rows;
            for (const row of rows) await write(columns.map((c) => row[c]));
            counts[table] += rows.length;
            if (rows.length < PAGE) break;
            after = rows[rows.length - 1]!.__ctid as string;
          }
        }
        await write({ end: true, counts });
        return counts;
      });
    gzip.end();
    await done;
    renameSync(tmp, file);
    return counts;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => undefined);
    rmSync(tmp, { force: true });
    throw error;
  }
}

export class BackupFileError extends Error {}

/**
 * A cell as the dump wrote it, back to what its column takes: pg reads a bytea column (photos, the
 * bytes of blockchain findings) as a Buffer, which the dump's JSON writes as
 * `{"type":"Buffer","data":[…]}`; given back as that object, pg would store its JSON text as the bytes.
 */
function cellOf(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { type?: unknown; data?: unknown };
    if (v.type === 'Buffer' && Array.isArray(v.data) && Object.keys(v).length === 2) return Buffer.from(v.data as number[]);
  }
  return value;
}

/**
 * Restores a file written by `dumpPostgres` into the current schema (already migrated to the
 * backup's version) in ONE transaction: emptied (only with `force` when it holds data),
 * filled, then checked by `verify` before commit. Any failure, a truncated file included,
 * rolls everything back: the database is either as it was or fully restored.
 */
export async function restorePostgres(db: Kysely<DB>, file: string, o: { force: boolean; verify: (tx: Tx) => Promise<void> }): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const r = await lines.next();
    if (r.done) throw new BackupFileError(`${file} ends early: the backup is incomplete`);
    return JSON.parse(r.value);
  };
  let header: Header;
  try {
    header = (await next()) as Header;
  } catch (error) {
    throw new BackupFileError(`${file} is not a crosscheck PostgreSQL backup (${error instanceof Error ? error.message : String(error)})`);
  }
  if (header?.format !== BACKUP_FORMAT || header.engine !== 'postgres') throw new BackupFileError(`${file} is not a crosscheck PostgreSQL backup`);
  try {
    return await restoreLines(db, file, header, next, o);
  } finally {
    await lines.return?.();
  }
}

async function restoreLines(db: Kysely<DB>, file: string, header: Header, next: () => Promise<unknown>, o: { force: boolean; verify: (tx: Tx) => Promise<void> }): Promise<Record<string, number>> {
  return db.transaction().execute(async (tx) => {
    const applied = await appliedMigrations(tx);
    if (applied.join() !== header.migrations.join()) {
      throw new BackupFileError(`the backup was taken at schema version ${header.migrations.at(-1)}, this database is at ${applied.at(-1)}: restore with the crosscheck version that wrote it`);
    }
    if (!o.force && (await holdsData(tx, 'postgres'))) throw new BackupFileError('the target database holds data: restore into an empty one, or give --force to replace what it holds');
    const tables = await dataTables(tx, 'postgres');
    await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))}`.execute(tx);
    const counts: Record<string, number> = {};
    let table: string | null = null;
    let columns: string[] = [];
    let batch: unknown[][] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0 || table === null) return;
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(batch.map((r) => sql`(${sql.join(r)})`))}`.execute(tx);
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    for (;;) {
      const item = await next();
      if (Array.isArray(item)) {
        if (table === null || item.length !== columns.length) throw new BackupFileError(`${file}: a row does not fit its table`);
        batch.push(item.map(cellOf));
        if (batch.length * columns.length >= MAX_PARAMS) await flush();
        continue;
      }
      await flush();
      const marker = item as { table?: string; columns?: string[]; end?: boolean; counts?: Record<string, number> };
      if (marker.end) {
        for (const [t, n] of Object.entries(marker.counts ?? {})) if ((counts[t] ?? 0) !== n) throw new BackupFileError(`${file}: table ${t} should hold ${n} rows, the file gave ${counts[t] ?? 0}`);
        break;
      }
      if (typeof marker.table !== 'string' || !tables.includes(marker.table) || !Array.isArray(marker.columns)) throw new BackupFileError(`${file}: unknown table ${String(marker.table)}`);
      table = marker.table;
      columns = marker.columns;
    }
    await o.verify(tx);
    return counts;
  });
}
