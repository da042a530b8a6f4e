import { referenceMembers } from '@crosscheck/core';
import { appendAudit } from '../store/audit-repo.js';
import { insertMissingMembers } from '../store/member-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { nowIso, type Deps } from './deps.js';

/** Adds the reference members (every ISO 3166 country, UNO, EUP, IPO) that are missing. */
export async function seedMembers(deps: Deps): Promise<number> {
  return inWriteTransaction(deps.db, async (tx) => {
    const added = await insertMissingMembers(tx, referenceMembers(), nowIso(deps));
    if (added > 0) {
      await appendAudit(tx, { at: nowIso(deps), member: deps.operator, role: 'system', credential: 'system', action: 'member.seed', target: 'members', requestId: 'system/startup', outcome: 'ok', detail: JSON.stringify({ added }) });
    }
    return added;
  });
}
