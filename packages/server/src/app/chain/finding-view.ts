import { findingVisibleTo } from '@crosscheck/core/chain';
import type { Finding } from '@crosscheck/core/api';
import type { StoredFinding } from '../../store/chain-finding-repo.js';

/**
 * The bytes of a finding are kept up to 8 MiB: enough for every image, document and program the
 * literature found in Bitcoin, while a 100 kB OP_RETURN or a 4 MB inscription still fits. A larger
 * payload keeps its hashes, type and locations, and says its bytes were not kept.
 */
export const MAX_CONTENT_BYTES = 8 * 1024 * 1024;

/**
 * A stored finding as `member` may see it, or undefined when the rule hides it (the SQL filter is a
 * translation of the rule; the core rule has the last word). Whom it is shared with is the owner's
 * business, like an alert's visibility.
 */
export function findingFor(member: string, f: StoredFinding): Finding | undefined {
  if (!findingVisibleTo(f, member)) return undefined;
  const { visibility, changedAt: _changedAt, version: _version, createdBy: _createdBy, ...rest } = f;
  return { ...rest, ...(member === f.owner ? { visibility } : {}) };
}
