import type { Kysely } from 'kysely';
import type { Engine } from './database.js';
import type { BatchListener } from './group-commit.js';
import type { DB } from './schema.js';
import { onWriteBatch } from './write-transaction.js';

/**
 * What code that reads or writes the database needs from the outside world. The use cases' Deps
 * (app/deps.ts) extends it; the workers below the use cases (the event stream, identity links,
 * webhook deliveries) ask for this and what else they use, so they depend on no use case.
 */
export interface StoreDeps {
  db: Kysely<DB>;
  engine: Engine;
  clock: () => Date;
  newId: () => string;
}

export const nowIso = (deps: Pick<StoreDeps, 'clock'>): string => deps.clock().toISOString();

/**
 * Subscribes to the sizes of the write batches (group commit): how many jobs each transaction
 * held and how long it took from its start to its commit. Answers the unsubscribe.
 */
export const onWriteBatches = (deps: Pick<StoreDeps, 'db'>, listener: BatchListener): (() => void) => onWriteBatch(deps.db, listener);
