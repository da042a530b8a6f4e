import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

export type Tx = Transaction<DB>;

/**
 * Runs `work` in one transaction that first takes the writers' lock: an update of the `audit`
 * counter row. On PostgreSQL that row lock orders writers, so audit and change sequence
 * numbers commit in the order they were given (a follower reading `after=N` never skips a
 * late commit); on SQLite it upgrades the transaction to a write at once, so a second process
 * waits on the busy timeout instead of failing with a stale snapshot.
 */
export async function inWriteTransaction<T>(db: Kysely<DB>, work: (tx: Tx) => Promise<T>): Promise<T> {
  let failure: { error: unknown } | null = null;
  try {
    return await db.transaction().execute(async (tx) => {
      try {
        await tx.updateTable('counters').set((eb) => ({ value: eb.ref('value') })).where('name', '=', 'audit').execute();
        return await work(tx);
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch (error) {
    // SQLite rolls a transaction back by itself on some errors (a full disk, an I/O error); the
    // ROLLBACK that follows then fails with "no transaction is active", and that error would
    // hide the one the caller must hear of. The work's own error is what failed.
    throw failure !== null ? (failure as { error: unknown }).error : error;
  }
}
