import type { MemberSeed } from '@crosscheck/core';
import type { Kysely, Selectable } from 'kysely';
import type { DB, MembersTable } from './schema.js';
import { noteCredentialChange } from './credential-changes.js';
import type { Tx } from './write-transaction.js';

export type MemberRow = Selectable<MembersTable>;

export async function findMember(db: Kysely<DB> | Tx, code: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listMembers(db: Kysely<DB>): Promise<MemberRow[]> {
  return db.selectFrom('members').selectAll().orderBy('code').execute();
}

export async function existingMemberCodes(db: Kysely<DB> | Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('members').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** Inserts the members that are not there yet; returns how many were added. */
export async function insertMissingMembers(tx: Tx, seeds: MemberSeed[], at: string): Promise<number> {
  const existing = new Set((await tx.selectFrom('members').select('code').execute()).map((r) => r.code));
  const fresh = seeds.filter((s) => !existing.has(s.code));
  for (let i = 0; i < fresh.length; i += 200) {
    await tx
      .insertInto('members')
      .values(fresh.slice(i, i + 200).map((s) => ({ code: s.code, name: s.name, kind: s.kind, status: 'active', created_at: at })))
      .execute();
  }
  return fresh.length;
}

export async function setMemberStatus(tx: Tx, code: string, status: 'active' | 'suspended'): Promise<void> {
  noteCredentialChange(tx);
  await tx.updateTable('members').set({ status }).where('code', '=', code).execute();
}
