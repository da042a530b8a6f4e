import type { FindingMatch } from '@crosscheck/core/api';

/** What a matcher is told about the bytes besides the bytes themselves (hashes are computed once). */
export interface MatchFacts {
  sha256: string;
  md5: string;
  size: number;
}

/** A matcher that answers at once, in process (hash lists, YARA rules). */
export interface PayloadMatcher {
  match(bytes: Uint8Array, facts: MatchFacts, on: FindingMatch['on']): FindingMatch[];
}

/**
 * A matcher that answers for many payloads at a time (ClamAV's clamscan, which loads its
 * signatures once per run): payloads are added under a key, run() answers for all added since.
 */
export interface BatchMatcher {
  add(key: string, bytes: Uint8Array, on: FindingMatch['on']): Promise<void>;
  run(): Promise<Map<string, FindingMatch[]>>;
  close(): Promise<void>;
}
