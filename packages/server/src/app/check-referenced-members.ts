import { DomainError, type Visibility } from '@crosscheck/core';
import { existingMemberCodes } from '../store/member-repo.js';
import type { Tx } from '../store/write-transaction.js';

/** A visibility list may only name members that exist, so a typo cannot silently share an alert. */
export async function checkReferencedMembers(tx: Tx, visibility: Visibility): Promise<void> {
  if (visibility.mode === 'all') return;
  const known = await existingMemberCodes(tx, visibility.members);
  const problems = visibility.members
    .map((code, i) => ({ code, i }))
    .filter(({ code }) => !known.has(code))
    .map(({ code, i }) => ({ field: `visibility.members.${i}`, message: `unknown member ${code}` }));
  if (problems.length > 0) {
    throw new DomainError('validation', 'member.unknown', `${problems[0]!.field}: ${problems[0]!.message}`, problems);
  }
}
