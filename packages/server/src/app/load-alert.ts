import type { AlertAccessFacts } from '@crosscheck/core';
import { accessFactsOf, findAlertRow, type AlertRow } from '../store/alert-repo.js';
import type { Tx } from '../store/write-transaction.js';

/** The stored row plus the facts the access rule weighs. */
export interface LoadedAlert extends AlertAccessFacts {
  row: AlertRow;
}

export async function loadAlert(tx: Tx, id: string): Promise<LoadedAlert | undefined> {
  // Ids are ours (UUIDs); anything longer is not an id and is not worth a query.
  if (id.length > 40) return undefined;
  const row = await findAlertRow(tx, id);
  if (!row) return undefined;
  return { row, ...accessFactsOf(row) };
}
