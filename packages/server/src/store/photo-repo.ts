import type { Kysely, Selectable } from 'kysely';
import type { AlertPhotosTable, DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export type PhotoRow = Selectable<AlertPhotosTable>;
export type PhotoMeta = Omit<PhotoRow, 'data'>;

const META = ['id', 'alert_id', 'content_type', 'size', 'sha256', 'created_at', 'created_by'] as const;

export async function insertPhoto(tx: Tx, row: PhotoRow): Promise<void> {
  await tx.insertInto('alert_photos').values(row).execute();
}

/** An alert's photos without their bytes, oldest first (ids are time-ordered). */
export async function photosOf(db: Kysely<DB> | Tx, alertId: string): Promise<PhotoMeta[]> {
  return db.selectFrom('alert_photos').select(META).where('alert_id', '=', alertId).orderBy('id').execute();
}

export async function findPhoto(db: Kysely<DB> | Tx, alertId: string, photoId: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('alert_photos').selectAll().where('alert_id', '=', alertId).where('id', '=', photoId).executeTakeFirst();
}

/** Removes one photo of the alert; false when the alert has no such photo. */
export async function deletePhoto(tx: Tx, alertId: string, photoId: string): Promise<boolean> {
  const result = await tx.deleteFrom('alert_photos').where('alert_id', '=', alertId).where('id', '=', photoId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Removes every photo of the alert (retention purge); returns how many there were. */
export async function deletePhotosOf(tx: Tx, alertId: string): Promise<number> {
  const result = await tx.deleteFrom('alert_photos').where('alert_id', '=', alertId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The photo ids of many alerts in one query, oldest first per alert; every id asked for is a key. */
export async function photoIdsByAlert(db: Kysely<DB> | Tx, alertIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(alertIds.map((id) => [id, []]));
  if (alertIds.length === 0) return out;
  const rows = await db.selectFrom('alert_photos').select(['id', 'alert_id']).where('alert_id', 'in', [...alertIds]).orderBy('created_at').orderBy('id').execute();
  for (const r of rows) out.get(r.alert_id)?.push(r.id);
  return out;
}
