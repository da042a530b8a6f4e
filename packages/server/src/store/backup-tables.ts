import { sql, type Kysely } from 'kysely';
import type { Engine } from './database.js';

// Kysely's own bookkeeping: a restore brings the schema to the backup's version by migrating,
// so these are never copied row by row.
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);
/** Rows every migrated database has (the counters start at zero): not data of its own. */
const SEEDED = new Set(['counters']);

/** The tables of the current schema, in creation order (so each comes after those it references). */
export async function dataTables(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const rows =
    engine === 'postgres'
      ? (await sql<{ name: string }>`select c.relname as name from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace order by c.oid`.execute(db)).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(db)).rows;
  return rows.map((r) => r.name).filter((n) => !BOOKKEEPING.has(n));
}

/** The names of the migrations applied to this database, in order. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
}

/** Whether any table but the seeded counters holds a row: what a restore must not overwrite unasked. */
export async function holdsData(db: Kysely<any>, engine: Engine): Promise<boolean> {
  for (const t of await dataTables(db, engine)) {
    if (SEEDED.has(t)) continue;
    const r = await sql<{ one: number }>`select 1 as one from ${sql.table(t)} limit 1`.execute(db);
    if (r.rows.length > 0) return true;
  }
  return false;
}
