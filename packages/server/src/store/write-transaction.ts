import type { Kysely, Transaction } from 'kysely';
import { GroupCommitter, type BatchListener } from './group-commit.js';
import type { DB } from './schema.js';

export type Tx = Transaction<DB>;

/**
 * The writers' lock: an update of the `audit` counter row, first in every write transaction. On
 * PostgreSQL that row lock orders writers, so audit and change sequence numbers commit in the
 * order they were given (a follower reading `after=N` never skips a late commit); on SQLite it
 * upgrades the transaction to a write at once, so a second process waits on the busy timeout
 * instead of failing with a stale snapshot.
 */
async function takeWritersLock(tx: Tx): Promise<void> {
  await tx.updateTable('counters').set((eb) => ({ value: eb.ref('value') })).where('name', '=', 'audit').execute();
}

// One committer per database handle: every writer of a process shares its batches.
const committers = new WeakMap<Kysely<DB>, GroupCommitter>();

function committerOf(db: Kysely<DB>): GroupCommitter {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommitter(db, takeWritersLock);
    committers.set(db, committer);
  }
  return committer;
}

/**
 * Runs `work` in a transaction that holds the writers' lock, and settles once that transaction
 * has committed. The transaction is shared with the other writers that queued meanwhile (group
 * commit, store/group-commit.ts): `work` runs alone in a savepoint of it, so its failure undoes
 * its own writes only, and it must not start another write transaction inside.
 */
export function inWriteTransaction<T>(db: Kysely<DB>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return committerOf(db).submit(work);
}

/** Subscribes to the write batches of `db` (jobs in each, milliseconds it took); answers the unsubscribe. */
export function onWriteBatch(db: Kysely<DB>, listener: BatchListener): () => void {
  return committerOf(db).onBatch(listener);
}
