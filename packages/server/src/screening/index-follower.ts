import type { Alert, AlertInput, AlertStatus } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { toAlert } from '../store/alert-repo.js';
import { allChangesAfter } from '../store/change-repo.js';
import type { DB } from '../store/schema.js';
import { ScreeningIndex } from './screening-index.js';

const PAGE = 2000;

/**
 * Keeps a ScreeningIndex in step with the store: a snapshot of the active alerts at start, then
 * the change feed. Every server process has its own follower, so an alert published through
 * one process is screened by all of them once they poll (every `pollMs`, 250 ms by default),
 * and a screening first catches up when the last poll is older than `maxLagMs`.
 */
export class IndexFollower {
  readonly index = new ScreeningIndex();
  private lastSeq = 0;
  private lastSync = 0;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
  ) {}

  get position(): number {
    return this.lastSeq;
  }

  /** Loads every active alert and the feed position they correspond to, in one snapshot. */
  async load(): Promise<void> {
    await this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const head = await tx.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow();
        let after = '';
        for (;;) {
          const rows = await tx.selectFrom('alerts').selectAll().where('status', '=', 'active').where('id', '>', after).orderBy('id').limit(PAGE).execute();
          for (const row of rows) this.index.upsert(toAlert(row));
          if (rows.length < PAGE) break;
          after = rows[rows.length - 1]!.id;
        }
        this.lastSeq = Number(head.value);
      });
    this.lastSync = this.now();
  }

  /** Applies every change since the last one applied; concurrent callers share one run. */
  catchUp(): Promise<void> {
    this.running ??= this.apply().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Catches up first if the index may be more than `maxLagMs` behind. */
  async fresh(maxLagMs: number): Promise<ScreeningIndex> {
    const asked = this.now();
    if (asked - this.lastSync > maxLagMs) {
      await this.catchUp();
      // A run already under way may have read the feed before the caller's own last write
      // committed: then one more run, which starts after the request did.
      if (this.lastSync < asked) await this.catchUp();
    }
    return this.index;
  }

  start(pollMs = 250, onError: (err: unknown) => void = () => {}): void {
    this.timer = setInterval(() => {
      this.catchUp().catch(onError);
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async apply(): Promise<void> {
    const started = this.now();
    for (;;) {
      const rows = await allChangesAfter(this.db, this.lastSeq, PAGE);
      for (const r of rows) {
        const body = JSON.parse(r.body) as AlertInput;
        const alert: Alert = { ...body, id: r.alert_id, owner: r.owner, status: r.status as AlertStatus, version: r.version, createdAt: r.at, updatedAt: r.at };
        this.index.upsert(alert);
        this.lastSeq = Number(r.seq);
      }
      if (rows.length < PAGE) break;
    }
    this.lastSync = started;
  }
}
