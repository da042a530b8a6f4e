import type { Engine } from '../../store/database.js';
import { dumpPostgres } from '../../store/backup-postgres.js';
import { backupSqlite } from '../../store/backup-sqlite.js';
import { openDatabase } from '../../store/database.js';

/**
 * A consistent copy of a live database in `file`: SQLite's online backup API (the copy is a
 * SQLite file), or for PostgreSQL every table read in one REPEATABLE READ snapshot into a gzip
 * JSON-lines file. Local administration (`crosscheck backup`): whoever can run it can read the
 * database anyway.
 */
export async function backupDatabase(target: string, engine: Engine, file: string, now: Date): Promise<{ engine: Engine; tables?: Record<string, number> }> {
  if (engine === 'sqlite') {
    await backupSqlite(target, file);
    return { engine };
  }
  const database = await openDatabase(target);
  try {
    return { engine, tables: await dumpPostgres(database.db, file, now.toISOString()) };
  } finally {
    await database.close();
  }
}
