import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import SQLite from 'better-sqlite3';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Copies a live SQLite database with SQLite's online backup API: a consistent copy while the
 * server keeps writing (pages changed meanwhile are copied again). The file appears under its
 * name only when complete.
 */
export async function backupSqlite(source: string, file: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const tmp = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(tmp);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

export function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Copies a backup beside the target (same file system, so the final rename is atomic) and checks the copy is sound. */
export function stageSqliteRestore(backup: string, target: string): string {
  if (!isSqliteFile(backup)) throw new Error(`${backup} is not a SQLite backup`);
  mkdirSync(dirname(target), { recursive: true });
  const staged = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  copyFileSync(backup, staged);
  const db = new SQLite(staged, { fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${backup} is damaged: ${String(check)}`);
    // A copy taken in WAL mode reads back in it; the target's own journal files are dropped at the swap.
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    db.close();
    rmSync(staged, { force: true });
    throw error;
  }
  db.close();
  return staged;
}

/**
 * Puts a staged, checked copy in place of the target in one rename. The target's write-ahead
 * log belongs to the old database and must not be replayed into the new one: it is folded into
 * the old file and emptied first. The server must be stopped meanwhile (a running one would
 * keep writing to the old file).
 */
export function swapSqliteRestore(staged: string, target: string): void {
  if (existsSync(target)) {
    const old = new SQLite(target, { fileMustExist: true });
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
  }
  renameSync(staged, target);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
}

/** Removes a staged copy that will not be used. */
export const dropStagedRestore = (staged: string): void => rmSync(staged, { force: true });
