import type { FindingStatus } from '../constants/chain.js';
import { visibleTo, type Visibility } from '../access/visibility.js';

/** What decides who sees a blockchain finding. */
export interface FindingFacts {
  owner: string;
  status: FindingStatus;
  visibility: Visibility;
}

/**
 * Whether `member` may see a finding. The owner always sees its own. Another member sees it only
 * once the owner has confirmed it as known-bad, and then under the finding's visibility, the same
 * rule as an alert's (`visibleTo`): a confirmed finding is an indicator its member shares. A new
 * or benign finding is the owner's working material (it may be an unreviewed image) and stays
 * with it whatever its visibility says.
 */
export function findingVisibleTo(facts: FindingFacts, member: string): boolean {
  if (member === facts.owner) return true;
  return facts.status === 'known-bad' && visibleTo(facts.owner, facts.visibility, member);
}
