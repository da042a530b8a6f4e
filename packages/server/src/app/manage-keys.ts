import { ROLES, forbidden, keyCredential, notFound, parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { findKeyById, insertKey, listKeys as listKeyRows, revokeKey as revokeKeyRow } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import { audited } from './audited.js';
import { memberAskedFor } from './credentials-query.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { newApiKey } from './secrets.js';

export const createKeySchema = z
  .object({ member: z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code'), role: z.enum(ROLES), label: z.string().trim().min(1).max(200).optional() })
  .strict();

export interface KeyInfo {
  id: string;
  prefix: string;
  member: string;
  role: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Administrators manage their own member's credentials; the operator's, everyone's. */
export function requireCredentialAdmin(deps: Deps, ctx: Ctx, member: string): void {
  requirePermission(ctx.actor, 'credentials.manage');
  if (!administers(deps, ctx, member)) throw forbidden(`manage credentials of ${member}`);
}

export const administers = (deps: Deps, ctx: Ctx, member: string): boolean => ctx.actor.member === deps.operator || ctx.actor.member === member;

/** Creates a key; the key itself is returned once and only its hash is kept (`key.create`). */
export async function createKey(deps: Deps, ctx: Ctx, body: unknown): Promise<KeyInfo & { key: string }> {
  return audited(deps, ctx, 'key.create', async (tx, note) => {
    const input = parseInput(createKeySchema, body);
    requireCredentialAdmin(deps, ctx, input.member);
    if (!(await findMember(tx, input.member))) throw notFound('member');
    const { key, prefix, secretHash } = newApiKey();
    const row = { id: deps.newId(), prefix, secret_hash: secretHash, member: input.member, role: input.role, label: input.label ?? null, created_at: nowIso(deps), revoked_at: null, last_used_at: null };
    await insertKey(tx, row);
    note.target = keyCredential(row.id);
    note.detail = { member: input.member, role: input.role };
    return { ...toInfo(row), key };
  });
}

export async function listKeys(deps: Deps, ctx: Ctx, query: unknown = {}): Promise<{ items: KeyInfo[]; next: null }> {
  return audited(deps, ctx, 'key.list', async (tx, note) => {
    const member = memberAskedFor(query);
    const scope = ctx.actor.member === deps.operator ? member : ctx.actor.member;
    requireCredentialAdmin(deps, ctx, scope ?? ctx.actor.member);
    note.target = 'keys';
    return { items: (await listKeyRows(tx, scope)).map(toInfo), next: null };
  });
}

export async function revokeKey(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await audited(deps, ctx, 'key.revoke', async (tx, note) => {
    note.target = keyCredential(id);
    requirePermission(ctx.actor, 'credentials.manage');
    const row = await findKeyById(tx, id);
    if (!row || !administers(deps, ctx, row.member)) throw notFound('key');
    if (!(await revokeKeyRow(tx, id, nowIso(deps)))) throw notFound('key');
  });
}

function toInfo(r: { id: string; prefix: string; member: string; role: string; label: string | null; created_at: string; revoked_at: string | null; last_used_at: string | null }): KeyInfo {
  return { id: r.id, prefix: r.prefix, member: r.member, role: r.role, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at };
}
