import { DomainError, MEMBER_CODE, forbidden, notFound, parseInput, requirePermission, type MemberKind } from '@crosscheck/core';
import { z } from 'zod';
import { findMember, insertMissingMembers, listMembers as listMemberRows, setMemberStatus } from '../store/member-repo.js';
import { audited } from './audited.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

export interface Member {
  code: string;
  name: string;
  kind: MemberKind;
  status: 'active' | 'suspended';
}

/** Every member: the list is public to all who may log in (`member.list`). */
export async function listMembers(deps: Deps, ctx: Ctx): Promise<{ items: Member[]; next: null }> {
  return audited(deps, ctx, 'member.list', async (tx, note) => {
    requirePermission(ctx.actor, 'members.read');
    note.target = 'members';
    const rows = await listMemberRows(tx);
    return { items: rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind as MemberKind, status: r.status as Member['status'] })), next: null };
  });
}

export const addMemberSchema = z
  .object({ code: z.string().regex(MEMBER_CODE, 'a three-letter code'), name: z.string().trim().min(1).max(200), kind: z.enum(['country', 'organisation']) })
  .strict();

/** Members are the installation's business: only the operator's administrators manage them. */
function requireOperatorAdmin(deps: Deps, ctx: Ctx): void {
  requirePermission(ctx.actor, 'members.manage');
  if (ctx.actor.member !== deps.operator) throw forbidden(`manage members (only ${deps.operator} administrators may)`);
}

export async function addMember(deps: Deps, ctx: Ctx, body: unknown): Promise<Member> {
  return audited(deps, ctx, 'member.add', async (tx, note) => {
    requireOperatorAdmin(deps, ctx);
    const input = parseInput(addMemberSchema, body);
    note.target = `member:${input.code}`;
    if (await findMember(tx, input.code)) throw new DomainError('conflict', 'member.exists', `member ${input.code} already exists`);
    await insertMissingMembers(tx, [input], nowIso(deps));
    return { ...input, status: 'active' };
  });
}

/** A suspended member's keys and sessions stop working; its alerts stay as they are. */
export async function setMemberSuspended(deps: Deps, ctx: Ctx, code: string, suspended: boolean): Promise<Member> {
  return audited(deps, ctx, suspended ? 'member.suspend' : 'member.reinstate', async (tx, note) => {
    requireOperatorAdmin(deps, ctx);
    note.target = `member:${code}`;
    const row = await findMember(tx, code);
    if (!row) throw notFound('member', code);
    if (suspended && code === deps.operator) throw new DomainError('conflict', 'member.operator', 'the operator member cannot be suspended');
    await setMemberStatus(tx, code, suspended ? 'suspended' : 'active');
    return { code: row.code, name: row.name, kind: row.kind as MemberKind, status: suspended ? 'suspended' : 'active' };
  });
}
