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
