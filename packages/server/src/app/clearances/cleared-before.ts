import type { ClearedBefore } from '@crosscheck/core/api';
import { clearancesOfHits } from '../../store/clearance-repo.js';
import { memberNames } from '../../store/name-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { clearedBeforeView } from '../hits/hit-names.js';

/**
 * For a screening's answer: which of the hits just recorded were recorded under one of the
 * caller's clearances (recordScreenings did not tell their owner), as "previously cleared on DATE
 * by MEMBER". One query when nothing was cleared.
 */
export async function clearedBeforeOf(tx: Tx, hitIds: readonly (string | null)[]): Promise<(hitId: string) => ClearedBefore | undefined> {
  const ids = hitIds.filter((id): id is string => id !== null);
  const cleared = ids.length === 0 ? new Map() : await clearancesOfHits(tx, ids);
  if (cleared.size === 0) return () => undefined;
  const names = await memberNames(tx, [...cleared.values()].map((c) => c.member));
  return (hitId) => {
    const c = cleared.get(hitId);
    return c ? clearedBeforeView(c, names) : undefined;
  };
}
