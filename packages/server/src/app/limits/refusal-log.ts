import { systemCredential, type AuditAction, type CredentialText, type UnknownCaller } from '@crosscheck/core';
import { appendAudit, type AuditDraft } from '../../store/audit-repo.js';
import type { StoreDeps } from '../../store/store-deps.js';
import { inWriteTransaction } from '../../store/write-transaction.js';

/** One refused request, as authenticate.ts, the login and the rate limits see it. */
export interface Refusal {
  /** The address the request came from (`request.ip`). */
  source: string;
  /** The member the credential belongs to, when it names one; '' for an unknown caller. */
  member: string;
  role?: string;
  action: AuditAction;
  credential: CredentialText | UnknownCaller;
  outcome: string;
  requestId: string;
}

interface Bucket {
  minute: number;
  source: string;
  member: string;
  /** Refusals after the first, which has its own entry. */
  count: number;
  outcomes: Record<string, number>;
  actions: Record<string, number>;
  credentials: Set<string>;
  moreCredentials: boolean;
}

// What one summary names at most: enough for an auditor to see what was tried, too few for a
// flood to make an entry large.
const MAX_CREDENTIALS = 20;
// Beyond this many open buckets in a minute (a flood from very many addresses), further
// addresses share one bucket, so memory stays bounded and still nothing goes uncounted.
const MAX_BUCKETS = 10_000;
export const OTHER_SOURCES = 'other-addresses';
const SUMMARY_REQUEST_ID = 'system/refusal-summary';

/**
 * Refused requests on the audit trail at a bounded rate: per source address and minute (and
 * member, so that a member's auditors still see attempts on its own keys), the first refusal is
 * written at once, as it always was, and the rest are counted in memory and written as one
 * `refusal.summarise` entry when the minute is over (`flush`, run by a timer and at shutdown).
 * A flood of bad keys thus writes two entries per address and minute, not one per request.
 * Counts live in this process: with several processes each writes its own summary.
 */
export class RefusalLog {
  private readonly buckets = new Map<string, Bucket>();

  /** Records a refusal: its own entry when it is the first of its minute, else a count. */
  async record(deps: StoreDeps, refusal: Refusal): Promise<void> {
    const now = deps.clock();
    const minute = Math.floor(now.getTime() / 60_000);
    let source = refusal.source;
    let key = `${minute}\u0000${source}\u0000${refusal.member}`;
    if (!this.buckets.has(key) && this.buckets.size >= MAX_BUCKETS) {
      source = OTHER_SOURCES;
      key = `${minute}\u0000${source}\u0000${refusal.member}`;
    }
    const bucket = this.buckets.get(key);
    if (bucket) {
      add(bucket, refusal);
      return;
    }
    const opened: Bucket = { minute, source, member: refusal.member, count: 0, outcomes: {}, actions: {}, credentials: new Set(), moreCredentials: false };
    this.buckets.set(key, opened);
    await inWriteTransaction(deps.db, (tx) =>
      appendAudit(tx, {
        at: now.toISOString(),
        member: refusal.member,
        role: refusal.role ?? '',
        credential: refusal.credential,
        action: refusal.action,
        target: '',
        requestId: refusal.requestId,
        outcome: refusal.outcome,
        detail: JSON.stringify({ source: refusal.source }),
      }),
    ).catch((error: unknown) => {
      // Unwritten, it is not the minute's first entry: the next refusal tries again (keeping
      // what was counted meanwhile), so nothing is left to a summary that names no first entry.
      if (this.buckets.get(key) === opened) {
        this.buckets.delete(key);
        if (opened.count > 0) this.buckets.set(key, opened);
      }
      throw error;
    });
  }

  /**
   * Writes the summaries of the minutes that are over (all of them with `all`, at shutdown), in
   * one transaction. When that fails, the counts are kept for the next flush.
   */
  async flush(deps: StoreDeps, options: { all?: boolean } = {}): Promise<number> {
    const now = deps.clock();
    const minute = Math.floor(now.getTime() / 60_000);
    const closed: [string, Bucket][] = [];
    for (const [key, bucket] of this.buckets) {
      if (options.all || bucket.minute < minute) closed.push([key, bucket]);
    }
    for (const [key] of closed) this.buckets.delete(key);
    const due = closed.filter(([, b]) => b.count > 0);
    if (due.length === 0) return 0;
    try {
      await inWriteTransaction(deps.db, async (tx) => {
        for (const [, b] of due) await appendAudit(tx, summaryEntry(b, now));
      });
    } catch (error) {
      for (const [key, b] of due) {
        const later = this.buckets.get(key);
        if (later) merge(later, b);
        else this.buckets.set(key, b);
      }
      throw error;
    }
    return due.length;
  }

  /** Refusals counted and not yet written. */
  get unwritten(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.count;
    return n;
  }
}

function add(bucket: Bucket, refusal: Refusal): void {
  bucket.count += 1;
  bucket.outcomes[refusal.outcome] = (bucket.outcomes[refusal.outcome] ?? 0) + 1;
  bucket.actions[refusal.action] = (bucket.actions[refusal.action] ?? 0) + 1;
  if (bucket.credentials.has(refusal.credential)) return;
  if (bucket.credentials.size < MAX_CREDENTIALS) bucket.credentials.add(refusal.credential);
  else bucket.moreCredentials = true;
}

function merge(into: Bucket, from: Bucket): void {
  into.count += from.count;
  for (const [k, v] of Object.entries(from.outcomes)) into.outcomes[k] = (into.outcomes[k] ?? 0) + v;
  for (const [k, v] of Object.entries(from.actions)) into.actions[k] = (into.actions[k] ?? 0) + v;
  for (const c of from.credentials) {
    if (into.credentials.size < MAX_CREDENTIALS) into.credentials.add(c);
    else if (!into.credentials.has(c)) into.moreCredentials = true;
  }
  into.moreCredentials ||= from.moreCredentials;
}

function summaryEntry(b: Bucket, now: Date): AuditDraft {
  return {
    at: now.toISOString(),
    member: b.member,
    role: '',
    credential: systemCredential('refusals'),
    action: 'refusal.summarise',
    target: `source:${b.source}`,
    requestId: SUMMARY_REQUEST_ID,
    outcome: 'ok',
    detail: JSON.stringify({
      source: b.source,
      from: new Date(b.minute * 60_000).toISOString(),
      to: new Date((b.minute + 1) * 60_000).toISOString(),
      count: b.count,
      outcomes: b.outcomes,
      actions: b.actions,
      credentials: [...b.credentials],
      moreCredentials: b.moreCredentials,
    }),
  };
}
