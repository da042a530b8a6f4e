import type { Kysely, Selectable } from 'kysely';
import type { DB, LoginThrottleTable } from './schema.js';
import type { Tx } from './write-transaction.js';

export type LoginThrottleRow = Selectable<LoginThrottleTable>;

export async function findLoginThrottle(db: Kysely<DB> | Tx, username: string): Promise<LoginThrottleRow | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function saveLoginThrottle(tx: Tx, row: LoginThrottleRow): Promise<void> {
  await tx
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) => oc.column('username').doUpdateSet({ failures: row.failures, last_failure_at: row.last_failure_at, locked_until: row.locked_until }))
    .execute();
}

/** Forgets a name's failures (a success, or an administrator lifting its lockout); whether there were any. */
export async function deleteLoginThrottle(tx: Tx, username: string): Promise<boolean> {
  const r = await tx.deleteFrom('login_throttle').where('username', '=', username).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Drops rows whose last failure is older than `before` and whose lockout, if any, is over. */
export async function purgeLoginThrottle(tx: Tx, before: string): Promise<void> {
  await tx
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
}
