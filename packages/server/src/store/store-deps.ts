import type { Kysely } from 'kysely';
import type { Engine } from './database.js';
import type { DB } from './schema.js';

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
