import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, DB, UsersTable } from './schema.js';
import { noteCredentialChange } from './credential-changes.js';
import type { Tx } from './write-transaction.js';

export type KeyRow = Selectable<ApiKeysTable>;
export type UserRow = Selectable<UsersTable>;

export async function findKeyByPrefix(db: Kysely<DB>, prefix: string): Promise<KeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
}

export async function findKeyById(db: Kysely<DB>, id: string): Promise<KeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listKeys(db: Kysely<DB>, member?: string): Promise<KeyRow[]> {
  let q = db.selectFrom('api_keys').selectAll();
  if (member !== undefined) q = q.where('member', '=', member);
  return q.orderBy('created_at').execute();
}

export async function insertKey(tx: Tx, row: KeyRow): Promise<void> {
  await tx.insertInto('api_keys').values(row).execute();
}

export async function revokeKey(tx: Tx, id: string, at: string): Promise<boolean> {
  noteCredentialChange(tx);
  const r = await tx.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Makes a key waiting for approval usable; false when it was not waiting. */
export async function approveKey(tx: Tx, id: string, by: string): Promise<boolean> {
  const r = await tx.updateTable('api_keys').set({ pending_approval: 0, approved_by: by }).where('id', '=', id).where('pending_approval', '=', 1).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchKey(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function findUserByName(db: Kysely<DB> | Tx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<DB>, member?: string): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll();
  if (member !== undefined) q = q.where('member', '=', member);
  return q.orderBy('username').execute();
}

export async function insertUser(tx: Tx, row: UserRow): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

export async function setUserDisabled(tx: Tx, username: string, disabled: boolean): Promise<boolean> {
  noteCredentialChange(tx);
  const r = await tx.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('username', '=', username).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Lets a user waiting for approval log in; false when it was not waiting. */
export async function approveUser(tx: Tx, id: string, by: string): Promise<boolean> {
  const r = await tx.updateTable('users').set({ pending_approval: 0, approved_by: by }).where('id', '=', id).where('pending_approval', '=', 1).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertSession(tx: Tx, tokenHash: string, userId: string, at: string, expiresAt: string): Promise<void> {
  await tx.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: at, expires_at: expiresAt }).execute();
}

export async function findSession(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  noteCredentialChange(tx);
  await tx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Sessions of a user end when the user is disabled. */
export async function deleteUserSessions(tx: Tx, userId: string): Promise<void> {
  noteCredentialChange(tx);
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Any API key at all: a database without one is a new installation (`serve --demo` seeds it). */
export async function anyKeyExists(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('api_keys').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The interface language a user chose, or null (never chose, or no such user). */
export async function userLanguage(db: Kysely<DB> | Tx, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirst();
  return row?.language ?? null;
}

export async function setUserLanguage(tx: Tx, userId: string, language: string): Promise<void> {
  await tx.updateTable('users').set({ language }).where('id', '=', userId).execute();
}
