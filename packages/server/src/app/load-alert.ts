import type { AlertAccessFacts } from '@crosscheck/core';
import { accessFactsOf, findAlertRow, type AlertRow } from '../store/alert-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.js';

/** The stored row plus the facts the access rule weighs. */
export interface LoadedAlert extends AlertAccessFacts {
  row: AlertRow;
}

/** Reads through a transaction or, for a use case that only reads, the database itself. */
export async function loadAlert(db: Kysely<DB>, id: string): Promise<LoadedAlert | undefined> {
  // Ids are ours (UUIDs); anything longer is not an id and is not worth a query.
  if (id.length > 40) return undefined;
  const row = await findAlertRow(db, id);
  if (!row) return undefined;
  return { row, ...accessFactsOf(row) };
}
