import { DomainError, ROLES, conflict, forbidden, grantNeedsApproval, keyCredential, mayApproveGrant, notFound, parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { approveKey as approveKeyRow, findKeyById, insertKey, listKeys as listKeyRows, revokeKey as revokeKeyRow, type KeyRow } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import type { Tx } from '../store/write-transaction.js';
import { audited, type AuditNote } from './audited.js';
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
  /** `pending-approval`: asked for by `requestedBy`, it works once a second administrator approves it. */
  status: 'active' | 'pending-approval' | 'revoked';
  requestedBy: string | null;
  approvedBy: string | null;
}

/** Administrators manage their own member's credentials; the operator's, everyone's. */
export function requireCredentialAdmin(deps: Deps, ctx: Ctx, member: string): void {
  requirePermission(ctx.actor, 'credentials.manage');
  if (!administers(deps, ctx, member)) throw forbidden(`manage credentials of ${member}`);
}

export const administers = (deps: Deps, ctx: Ctx, member: string): boolean => ctx.actor.member === deps.operator || ctx.actor.member === member;

/**
 * Creates a key; the key itself is returned once and only its hash is kept (`key.create`). A key
 * with bureau-level power that a member's administrator asks for its own member is created
 * pending (`grantNeedsApproval`): the secret is still shown to the requester this once, but the
 * key is refused until another administrator approves it (`approveKey`), who never sees it.
 */
export async function createKey(deps: Deps, ctx: Ctx, body: unknown): Promise<KeyInfo & { key: string }> {
  return audited(deps, ctx, 'key.create', async (tx, note) => {
    const input = parseInput(createKeySchema, body);
    requireCredentialAdmin(deps, ctx, input.member);
    if (!(await findMember(tx, input.member))) throw notFound('member', input.member);
    const { key, prefix, secretHash } = newApiKey();
    const pending = grantNeedsApproval(ctx.actor, input, deps.operator);
    const row: KeyRow = {
      id: deps.newId(),
      prefix,
      secret_hash: secretHash,
      member: input.member,
      role: input.role,
      label: input.label ?? null,
      created_at: nowIso(deps),
      revoked_at: null,
      last_used_at: null,
      pending_approval: pending ? 1 : 0,
      requested_by: pending ? ctx.actor.credential : null,
      approved_by: null,
    };
    await insertKey(tx, row);
    note.target = keyCredential(row.id);
    note.detail = { member: input.member, role: input.role, ...(pending ? { pendingApproval: true } : {}) };
    return { ...toInfo(row), key };
  });
}

/**
 * The key `id` when this administrator manages it, else "not found". The entry is named as the key
 * only once that is known: an entry with target `key:<id>` is shown to the key's member, and a
 * refused attempt from another member must not tell it who tried (the id stays in the detail, for
 * the caller's own auditors).
 */
async function managedKey(deps: Deps, ctx: Ctx, tx: Tx, note: AuditNote, id: string): Promise<KeyRow> {
  note.target = 'key';
  note.detail = { key: id };
  requirePermission(ctx.actor, 'credentials.manage');
  const row = await findKeyById(tx, id);
  if (!row || !administers(deps, ctx, row.member)) throw notFound('key', id);
  note.target = keyCredential(id);
  return row;
}

/**
 * A second administrator makes a pending key usable (`key.approve`): another administrator of
 * its member, or the operator's, never the one who asked for it. A key this administrator may not
 * manage is "not found", as for revoking.
 */
export async function approveKey(deps: Deps, ctx: Ctx, id: string): Promise<KeyInfo> {
  return audited(deps, ctx, 'key.approve', async (tx, note) => {
    const row = await managedKey(deps, ctx, tx, note, id);
    if (row.pending_approval !== 1 || row.revoked_at !== null) throw conflict('key.not-pending', `key ${id} is not waiting for an approval`);
    if (!mayApproveGrant(ctx.actor, { member: row.member, requestedBy: row.requested_by }, deps.operator)) throw secondPersonRequired();
    await approveKeyRow(tx, id, ctx.actor.credential);
    note.detail = { member: row.member, role: row.role, requestedBy: row.requested_by };
    return toInfo({ ...row, pending_approval: 0, approved_by: ctx.actor.credential });
  });
}

/** The refusal when the administrator who asked for a credential tries to approve it too. */
export const secondPersonRequired = (): DomainError => new DomainError('forbidden', 'credential.second-person-required', 'another administrator of the member, or of the operator, must approve what you asked for');

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
    const row = await managedKey(deps, ctx, tx, note, id);
    if (!(await revokeKeyRow(tx, id, nowIso(deps)))) throw notFound('key', id);
  });
}

function toInfo(r: KeyRow): KeyInfo {
  const status = r.revoked_at !== null ? 'revoked' : r.pending_approval === 1 ? 'pending-approval' : 'active';
  return { id: r.id, prefix: r.prefix, member: r.member, role: r.role, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at, status, requestedBy: r.requested_by, approvedBy: r.approved_by };
}
