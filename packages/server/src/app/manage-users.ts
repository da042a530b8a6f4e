import { DomainError, ROLES, notFound, parseInput, requirePermission, userCredential } from '@crosscheck/core';
import { z } from 'zod';
import { deleteUserSessions, findUserByName, insertUser, listUsers as listUserRows, setUserDisabled } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import { audited, auditRefusal } from './audited.js';
import { memberAskedFor } from './credentials-query.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { hashPassword } from './hash-password.js';
import { administers, requireCredentialAdmin } from './manage-keys.js';

export const addUserSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,99}$/, '3 to 100 lower-case letters, digits, dots, dashes or underscores'),
    member: z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code'),
    // A national copy is a machine: it authenticates with a key, never as a person with a password.
    role: z.enum(ROLES).refine((r) => r !== 'replica', 'replica is a role for API keys of national copies, not for users'),
    password: z.string().min(12, 'at least 12 characters').max(500),
  })
  .strict();

export interface UserInfo {
  id: string;
  username: string;
  member: string;
  role: string;
  disabled: boolean;
  createdAt: string;
}

export async function addUser(deps: Deps, ctx: Ctx, body: unknown): Promise<UserInfo> {
  // Hashing takes tens of milliseconds, so it happens before the writers' lock; the caller's
  // rights and the input are checked (and a refusal audited) before any hashing is done.
  let input: z.infer<typeof addUserSchema>;
  try {
    requirePermission(ctx.actor, 'credentials.manage');
    input = parseInput(addUserSchema, body);
    requireCredentialAdmin(deps, ctx, input.member);
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, 'user.add', { target: 'users', detail: {} }, error);
    throw error;
  }
  const passwordHash = await hashPassword(input.password);
  return audited(deps, ctx, 'user.add', async (tx, note) => {
    requireCredentialAdmin(deps, ctx, input.member);
    note.target = `username:${input.username}`;
    if (!(await findMember(tx, input.member))) throw notFound('member');
    if (await findUserByName(tx, input.username)) throw new DomainError('conflict', 'user.exists', `user ${input.username} already exists`);
    const row = { id: deps.newId(), username: input.username, member: input.member, role: input.role, password_hash: passwordHash, disabled: 0, created_at: nowIso(deps), language: null };
    await insertUser(tx, row);
    note.target = userCredential(row.id);
    return { id: row.id, username: row.username, member: row.member, role: row.role, disabled: false, createdAt: row.created_at };
  });
}

export async function listUsers(deps: Deps, ctx: Ctx, query: unknown = {}): Promise<{ items: UserInfo[]; next: null }> {
  return audited(deps, ctx, 'user.list', async (tx, note) => {
    const member = memberAskedFor(query);
    const scope = ctx.actor.member === deps.operator ? member : ctx.actor.member;
    requireCredentialAdmin(deps, ctx, scope ?? ctx.actor.member);
    note.target = 'users';
    const rows = await listUserRows(tx, scope);
    return { items: rows.map((r) => ({ id: r.id, username: r.username, member: r.member, role: r.role, disabled: r.disabled === 1, createdAt: r.created_at })), next: null };
  });
}

/** A disabled user cannot log in and its open sessions end at once. */
export async function disableUser(deps: Deps, ctx: Ctx, username: string): Promise<void> {
  await audited(deps, ctx, 'user.disable', async (tx, note) => {
    note.target = `username:${username}`;
    requirePermission(ctx.actor, 'credentials.manage');
    const user = await findUserByName(tx, username);
    // Another member's accounts are not this administrator's to know about: same answer as none.
    if (!user || !administers(deps, ctx, user.member)) throw notFound('user');
    note.target = userCredential(user.id);
    await setUserDisabled(tx, username, true);
    await deleteUserSessions(tx, user.id);
  });
}
