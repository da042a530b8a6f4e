import type { AlertInput } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import type { AlertRow } from './alert-repo.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

/**
 * The pairs (asset alert, person alert) of asset alerts' `persons` (migration 0016), rewritten
 * with each version of an asset alert, so that a person alert finds the assets naming it.
 * Whether a reader may see either side is decided by the caller, by `alertAccess`.
 */
export async function syncAssetPersons(tx: Tx, assetAlertId: string, input: AlertInput): Promise<void> {
  if (input.kind !== 'asset') return;
  await tx.deleteFrom('asset_persons').where('asset_alert_id', '=', assetAlertId).execute();
  const persons = input.persons ?? [];
  if (persons.length > 0) {
    await tx
      .insertInto('asset_persons')
      .values(persons.map((p) => ({ asset_alert_id: assetAlertId, person_alert_id: p })))
      .execute();
  }
}

/** Forgets an alert's pairs (its data purged: the tombstone names no one). */
export async function dropAssetPersons(tx: Tx, alertId: string): Promise<void> {
  await tx.deleteFrom('asset_persons').where('asset_alert_id', '=', alertId).execute();
}

/** The asset alerts naming a person alert, their rows, newest first; at most `limit`. */
export async function assetRowsNaming(db: Kysely<DB> | Tx, personAlertId: string, limit: number): Promise<AlertRow[]> {
  return db
    .selectFrom('asset_persons')
    .innerJoin('alerts', 'alerts.id', 'asset_persons.asset_alert_id')
    .selectAll('alerts')
    .where('asset_persons.person_alert_id', '=', personAlertId)
    .orderBy('alerts.id', 'desc')
    .limit(limit)
    .execute();
}
