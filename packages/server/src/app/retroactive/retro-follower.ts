import { addsIdentifiers, type Alert } from '@crosscheck/core';
import { toAlert } from '../../store/alert-repo.js';
import { appendAudit } from '../../store/audit-repo.js';
import { allChangesAfter } from '../../store/change-repo.js';
import { activeAlertRows, alertVersion, existingHitPairs, recordRetroactiveHit, retroCursor, setRetroCursor } from '../../store/retroactive-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { FollowerLoop } from '../../follower-loop.js';
import { nowIso, type Deps } from '../deps.js';
import { screenAgainstPast, type LookbackTarget, type PastMatch } from './lookback.js';

/** Changes read from the feed at a time. */
const PAGE = 200;

/**
 * Hits after the fact. Reads the change feed from the `retro-cursor` counter; an alert that became
 * active in a change (published, approved after review, reinstated) or was given a new name,
 * document or identifier by a patch is screened against the screenings of the
 * `retention.lookbackHours` before that change (lookback.ts), and each match that has no hit yet
 * becomes a retroactive hit told to its owner and to the screening member. The hits of a page and
 * the new cursor are written in one transaction, after checking that the cursor has not moved: the
 * writers' lock orders the nodes that run this on one database, so a page is handled once, and a
 * restart starts from the cursor (neither lost nor repeated). With a lookback of 0 the cursor still
 * moves, so turning it on later does not screen the past again.
 */
export class RetroFollower extends FollowerLoop<number> {
  constructor(private readonly deps: Deps) {
    super();
  }

  /** One run: every change not yet handled; answers the number of hits created. */
  protected async apply(): Promise<number> {
    const { deps } = this;
    let created = 0;
    for (;;) {
      const cursor = await retroCursor(deps.db);
      const rows = await allChangesAfter(deps.db, cursor, PAGE);
      if (rows.length === 0 || this.stopped) return created;
      const last = Number(rows[rows.length - 1]!.seq);
      const hours = deps.retention.lookbackHours;
      let matches: PastMatch[] = [];
      if (hours > 0) {
        // When each alert last gave a reason to look back (the latest change of the page that did).
        const moments = new Map<string, string>();
        for (const r of rows) {
          if (r.status !== 'active') continue;
          const before = r.version > 1 ? await alertVersion(deps.db, r.alert_id, r.version - 1) : undefined;
          if (before === undefined || before.status !== 'active' || addsIdentifiers(before.body, r.body)) moments.set(r.alert_id, r.at);
        }
        // The alert as it is now, if still active: a later version of the page is screened once, and
        // an alert ended since is not screened at all.
        const alerts: Alert[] = (await activeAlertRows(deps.db, [...moments.keys()])).map(toAlert);
        const targets: LookbackTarget[] = alerts.map((alert) => ({ alert, at: moments.get(alert.id)! }));
        matches = await screenAgainstPast(deps.db, targets, hours, nowIso(deps).slice(0, 10), () => new Promise((resolve) => setImmediate(resolve)));
        // Pairs that hit when screened, or after the fact already: nothing new.
        const known = await existingHitPairs(deps.db, [...new Set(matches.map((m) => m.found.alertId))], [...new Set(matches.map((m) => m.screening.id))]);
        matches = matches.filter((m) => !known.has(`${m.screening.id}/${m.found.alertId}`));
      }
      const written = await inWriteTransaction(deps.db, async (tx) => {
        // Another node handled this page first.
        if ((await retroCursor(tx)) !== cursor) return 0;
        let n = 0;
        for (const m of matches) {
          const id = deps.newId();
          const at = nowIso(deps);
          const draft = { id, screening: m.screening, alertId: m.found.alertId, alertVersion: m.alertVersion, owner: m.found.owner, kind: m.found.kind, score: m.found.score, reasons: m.found.reasons };
          if (!(await recordRetroactiveHit(tx, draft, at))) continue;
          await appendAudit(tx, {
            at,
            member: deps.operator,
            role: 'system',
            credential: 'system',
            action: 'hit.find-retroactive',
            target: `hit:${id}`,
            requestId: 'system/retroactive',
            outcome: 'ok',
            detail: JSON.stringify({ alertId: m.found.alertId, owner: m.found.owner, screeningId: m.screening.id, screeningMember: m.screening.member, screenedAt: m.screening.at, score: m.found.score }),
          });
          n++;
        }
        await setRetroCursor(tx, last);
        return n;
      });
      if (written > 0) deps.bus.published();
      created += written;
    }
  }
}

/** Starts the retroactive screening over the change feed, every second. */
export function startRetroFollower(deps: Deps, onError: (err: unknown) => void): { stop(): void } {
  const follower = new RetroFollower(deps);
  follower.start(1000, onError);
  return { stop: () => follower.stop() };
}
