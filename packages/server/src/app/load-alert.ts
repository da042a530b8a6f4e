import { visibilityFromColumns } from '../store/change-repo.js';
import { findAlertRow, isHiddenFromFrontline, type AlertRow } from '../store/alert-repo.js';
import type { Tx } from '../store/write-transaction.js';

/** The stored row plus the facts the access policy needs. */
export interface LoadedAlert {
  row: AlertRow;
  owner: string;
  visibility: ReturnType<typeof visibilityFromColumns>;
  status: string;
  hiddenFromFrontline: boolean;
}

export async function loadAlert(tx: Tx, id: string): Promise<LoadedAlert | undefined> {
  // Ids are ours (UUIDs); anything longer is not an id and is not worth a query.
  if (id.length > 40) return undefined;
  const row = await findAlertRow(tx, id);
  if (!row) return undefined;
  return accessFactsOf(row);
}

/** Everything `canSeeAlert` weighs, from a stored row. */
export function accessFactsOf(row: AlertRow): LoadedAlert {
  return { row, owner: row.owner, visibility: visibilityFromColumns(row.visibility_mode, row.visibility_members), status: row.status, hiddenFromFrontline: isHiddenFromFrontline(row) };
}
