import { appendAudit } from '../store/audit-repo.js';
import { allChangesAfter } from '../store/change-repo.js';
import { insertLink, linkCursor, linkExists, setLinkCursor } from '../store/link-repo.js';
import { nowIso, type StoreDeps } from '../store/store-deps.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import type { IndexFollower } from '../screening/index-follower.js';
import { FollowerLoop } from '../follower-loop.js';
import { findSharedIdentity } from './find-shared-identity.js';

const PAGE = 200;

/** Besides the store: the operator (the links' audit entries are its) and this process's screening index. */
export type LinkFollowerDeps = StoreDeps & { operator: string; screeningIndex: () => Promise<IndexFollower> };

interface LinkDraft {
  alertA: string;
  alertB: string;
  basis: string;
  detail: Record<string, unknown>;
}

/**
 * Reads the change feed from the `links-cursor` counter and records a yellow identity link for
 * each pair of active alerts that share a document or a person's name and birth date. Candidates
 * come from this process's screening index, caught up to the changes read. The links of a page
 * and the new cursor are written in one transaction, so a page is neither skipped nor linked
 * twice, also with several server processes.
 */
export class LinkFollower extends FollowerLoop<number> {
  constructor(private readonly deps: LinkFollowerDeps) {
    super();
  }

  /** One run: every change not yet handled; answers the number of links created. */
  protected async apply(): Promise<number> {
    let created = 0;
    for (;;) {
      const cursor = await linkCursor(this.deps.db);
      const rows = await allChangesAfter(this.deps.db, cursor, PAGE);
      // A stopped follower leaves the rest of a long backlog to the next start.
      if (rows.length === 0 || this.stopped) return created;
      const last = Number(rows[rows.length - 1]!.seq);
      const follower = await this.deps.screeningIndex();
      if (follower.position < last) await follower.catchUp();
      const index = follower.index;
      const drafts = new Map<string, LinkDraft>();
      for (const r of rows) {
        // Only an alert's current, active version is compared: an older one was replaced (its
        // own change comes later in the feed) and an ended alert needs no link.
        if (r.status !== 'active' || index.entryOf(r.alert_id)?.version !== r.version) continue;
        for (const s of findSharedIdentity(index, r.alert_id, r.body)) {
          const [alertA, alertB] = r.alert_id < s.otherId ? [r.alert_id, s.otherId] : [s.otherId, r.alert_id];
          drafts.set(`${alertA}/${alertB}/${s.basis}`, { alertA, alertB, basis: s.basis, detail: s.detail });
        }
        // A person with forty aliases takes milliseconds to compare, and an import brings hundreds:
        // let the requests waiting on the event loop through between alerts.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const written = await inWriteTransaction(this.deps.db, async (tx) => {
        // Another process handled this page first.
        if ((await linkCursor(tx)) !== cursor) return 0;
        let n = 0;
        for (const d of drafts.values()) {
          if (await linkExists(tx, d.alertA, d.alertB, d.basis)) continue;
          const id = this.deps.newId();
          const at = nowIso(this.deps);
          await insertLink(tx, { id, alertA: d.alertA, alertB: d.alertB, basis: d.basis, detail: JSON.stringify(d.detail), at });
          await appendAudit(tx, {
            at,
            member: this.deps.operator,
            role: 'system',
            credential: 'system',
            action: 'link.create',
            target: `link:${id}`,
            requestId: 'system/links',
            outcome: 'ok',
            detail: JSON.stringify({ alertA: d.alertA, alertB: d.alertB, basis: d.basis }),
          });
          n++;
        }
        await setLinkCursor(tx, last);
        return n;
      });
      created += written;
    }
  }
}
