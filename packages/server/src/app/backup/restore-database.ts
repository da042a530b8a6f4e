import { existsSync } from 'node:fs';
import { restorePostgres } from '../../store/backup-postgres.js';
import { dropStagedRestore, stageSqliteRestore, swapSqliteRestore } from '../../store/backup-sqlite.js';
import { holdsData } from '../../store/backup-tables.js';
import { openDatabase, type Engine } from '../../store/database.js';
import { migrateToLatest } from '../../store/migrate.js';
import type { AuditTrailSettings } from '../deps.js';
import { checkRestoredTrail, type RestoredTrail } from './check-restored-trail.js';

export interface RestoreOptions {
  force: boolean;
  auditTrail: AuditTrailSettings;
}

const REFUSE_NON_EMPTY = 'the target database holds data: restore into an empty one, or give --force to replace what it holds';

/**
 * Restores `file` into `target`, all or nothing, and only after its audit trail replays
 * against its newest checkpoint. SQLite: the backup is staged beside the target, migrated,
 * checked, then renamed over it. PostgreSQL: one transaction empties, fills and checks the
 * schema, then commits. A target that holds data is replaced only with `force`.
 */
export async function restoreDatabase(target: string, engine: Engine, file: string, o: RestoreOptions): Promise<RestoredTrail> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  return engine === 'sqlite' ? restoreSqlite(target, file, o) : restoreIntoPostgres(target, file, o);
}

async function restoreSqlite(target: string, file: string, o: RestoreOptions): Promise<RestoredTrail> {
  if (existsSync(target) && !o.force) {
    const current = await openDatabase(target);
    try {
      if (await holdsData(current.db, 'sqlite')) throw new Error(REFUSE_NON_EMPTY);
    } finally {
      await current.close();
    }
  }
  const staged = stageSqliteRestore(file, target);
  try {
    const copy = await openDatabase(staged);
    let trail: RestoredTrail;
    try {
      // A backup from an earlier version is brought up to this one before it is checked and used.
      await migrateToLatest(copy.db, 'sqlite');
      trail = await copy.db.transaction().execute((tx) => checkRestoredTrail(tx, o.auditTrail));
    } finally {
      await copy.close();
    }
    swapSqliteRestore(staged, target);
    return trail;
  } catch (error) {
    dropStagedRestore(staged);
    throw error;
  }
}

async function restoreIntoPostgres(target: string, file: string, o: RestoreOptions): Promise<RestoredTrail> {
  const database = await openDatabase(target);
  try {
    await migrateToLatest(database.db, 'postgres');
    let trail: RestoredTrail | null = null;
    await restorePostgres(database.db, file, {
      force: o.force,
      verify: async (tx) => {
        trail = await checkRestoredTrail(tx, o.auditTrail);
      },
    });
    return trail!;
  } finally {
    await database.close();
  }
}
