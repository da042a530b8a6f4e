import { DomainError, ROLES, conflict, grantNeedsApproval, mayApproveGrant, notFound, parseInput, requirePermission, userCredential, validationError, type Actor } from '@crosscheck/core';
import { z } from 'zod';
import { approveUser as approveUserRow, deleteUserSessions, findUserByName, insertUser, listUsers as listUserRows, setUserDisabled, type UserRow } from '../store/credential-repo.js';
import { findMember } from '../store/member-repo.js';
import { audited, auditRefusal } from './audited.js';
import { memberAskedFor } from './credentials-query.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { hashPassword } from './hash-password.js';
import { administers, requireCredentialAdmin, secondPersonRequired } from './manage-keys.js';

export const addUserSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,99}$/, '3 to 100 lower-case letters, digits, dots, dashes or underscores'),
    member: z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code'),
    // A national copy is a machine: it authenticates with a key, never as a person with a password.
    role: z
      .enum(ROLES)
      .refine((r) => r !== 'replica', 'replica is a role for API keys of national copies, not for users')
      // A carrier checks documents from its own systems; the web app has nothing for it (README).
      .refine((r) => r !== 'carrier', 'carrier is a role for API keys of airlines and other carriers, not for users'),
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
  /** `pending-approval`: asked for by `requestedBy`, the user can log in once a second administrator approves it. */
  status: 'active' | 'pending-approval' | 'disabled';
  requestedBy: string | null;
  approvedBy: string | null;
}

/**
 * User names live in one namespace (logging in takes a name and a password only), so a name
 * beginning with a member code and a dot (`fra.`) is that member's, and a member's administrator
 * names its users in its own member's part (`fra.jdoe`). Whether a name is taken then only ever
 * tells an administrator about its own member's users: the answer "already exists" cannot be
 * used to learn another member's user names. The operator (administrators, the console) may give
 * names outside every member's part (`admin`), which no member's administrator can ask about.
 */
export function memberOfUsername(username: string): string | null {
  const m = /^([a-z]{3})\./.exec(username);
  return m ? m[1]!.toUpperCase() : null;
}

function checkUsername(deps: Deps, actor: Actor, username: string, member: string): void {
  const owner = memberOfUsername(username);
  if (owner !== null && owner !== member) throw validationError('username', `names beginning "${owner.toLowerCase()}." are ${owner}'s users; name a user of ${member} "${member.toLowerCase()}.<name>"`, 'user.name-of-another-member');
  if (owner === null && actor.member !== deps.operator) throw validationError('username', `name a user of ${member} "${member.toLowerCase()}.<name>"`, 'user.name-outside-member');
}

export async function addUser(deps: Deps, ctx: Ctx, body: unknown): Promise<UserInfo> {
  // Hashing takes tens of milliseconds, so it happens before the writers' lock; the caller's
  // rights and the input are checked (and a refusal audited) before any hashing is done.
  let input: z.infer<typeof addUserSchema>;
  try {
    requirePermission(ctx.actor, 'credentials.manage');
    input = parseInput(addUserSchema, body);
    requireCredentialAdmin(deps, ctx, input.member);
    checkUsername(deps, ctx.actor, input.username, input.member);
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, 'user.add', { target: 'users', detail: {} }, error);
    throw error;
  }
  const passwordHash = await hashPassword(input.password);
  return audited(deps, ctx, 'user.add', async (tx, note) => {
    requireCredentialAdmin(deps, ctx, input.member);
    note.target = `username:${input.username}`;
    if (!(await findMember(tx, input.member))) throw notFound('member', input.member);
    if (await findUserByName(tx, input.username)) throw new DomainError('conflict', 'user.exists', `user ${input.username} already exists`);
    const pending = grantNeedsApproval(ctx.actor, input, deps.operator);
    const row: UserRow = {
      id: deps.newId(),
      username: input.username,
      member: input.member,
      role: input.role,
      password_hash: passwordHash,
      disabled: 0,
      created_at: nowIso(deps),
      language: null,
      pending_approval: pending ? 1 : 0,
      requested_by: pending ? ctx.actor.credential : null,
      approved_by: null,
    };
    await insertUser(tx, row);
    note.target = userCredential(row.id);
    note.detail = { member: input.member, role: input.role, ...(pending ? { pendingApproval: true } : {}) };
    return toInfo(row);
  });
}

/**
 * A second administrator lets a pending user log in (`user.approve`): another administrator of
 * its member, or the operator's, never the one who asked for it (`grantNeedsApproval`).
 */
export async function approveUser(deps: Deps, ctx: Ctx, username: string): Promise<UserInfo> {
  return audited(deps, ctx, 'user.approve', async (tx, note) => {
    note.target = `username:${username}`;
    requirePermission(ctx.actor, 'credentials.manage');
    const user = await findUserByName(tx, username);
    if (!user || !administers(deps, ctx, user.member)) throw notFound('user', username);
    note.target = userCredential(user.id);
    if (user.pending_approval !== 1) throw conflict('user.not-pending', `user ${username} is not waiting for an approval`);
    if (!mayApproveGrant(ctx.actor, { member: user.member, requestedBy: user.requested_by }, deps.operator)) throw secondPersonRequired();
    await approveUserRow(tx, user.id, ctx.actor.credential);
    note.detail = { member: user.member, role: user.role, requestedBy: user.requested_by };
    return toInfo({ ...user, pending_approval: 0, approved_by: ctx.actor.credential });
  });
}

function toInfo(r: UserRow): UserInfo {
  const status = r.disabled === 1 ? 'disabled' : r.pending_approval === 1 ? 'pending-approval' : 'active';
  return { id: r.id, username: r.username, member: r.member, role: r.role, disabled: r.disabled === 1, createdAt: r.created_at, status, requestedBy: r.requested_by, approvedBy: r.approved_by };
}

export async function listUsers(deps: Deps, ctx: Ctx, query: unknown = {}): Promise<{ items: UserInfo[]; next: null }> {
  return audited(deps, ctx, 'user.list', async (tx, note) => {
    const member = memberAskedFor(query);
    const scope = ctx.actor.member === deps.operator ? member : ctx.actor.member;
    requireCredentialAdmin(deps, ctx, scope ?? ctx.actor.member);
    note.target = 'users';
    const rows = await listUserRows(tx, scope);
    return { items: rows.map(toInfo), next: null };
  });
}

/** A disabled user cannot log in and its open sessions end at once. */
export async function disableUser(deps: Deps, ctx: Ctx, username: string): Promise<void> {
  await audited(deps, ctx, 'user.disable', async (tx, note) => {
    note.target = `username:${username}`;
    requirePermission(ctx.actor, 'credentials.manage');
    const user = await findUserByName(tx, username);
    // Another member's accounts are not this administrator's to know about: same answer as none.
    if (!user || !administers(deps, ctx, user.member)) throw notFound('user', username);
    note.target = userCredential(user.id);
    await setUserDisabled(tx, username, true);
    await deleteUserSessions(tx, user.id);
  });
}
