import type { Alert, AlertStatus } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { allChangesAfter } from '../store/change-repo.js';
import type { DB } from '../store/schema.js';
import { activeAlertsSnapshot, changeFeedHead } from '../store/screening-repo.js';
import { FollowerLoop } from '../follower-loop.js';
import { startFromSnapshot } from './index-snapshot-file.js';
import { ScreeningIndex } from './screening-index.js';

const PAGE = 2000;

/** What the follower needs of a channel to the other threads of its server: a BroadcastChannel has it. */
export interface ChangeChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/**
 * Keeps a ScreeningIndex in step with the store: a snapshot of the active alerts at start, then
 * the change feed. Every server process has its own follower, so an alert published through
 * one process is screened by all of them once they poll (every `pollMs`, 250 ms by default),
 * and a screening first catches up when the feed's head is ahead of the index (`fresh`).
 * The threads of one server (`serve --workers`) also tell each other of their commits
 * (`shareWith`), so that they catch up at once rather than on the next poll or screening.
 */
export class IndexFollower extends FollowerLoop<void> {
  readonly index = new ScreeningIndex();
  private lastSeq = 0;
  private caughtUpAt = 0;
  private channel: ChangeChannel | null = null;

  /** How load() filled the index: from the snapshot file, or from the store and why not from the file. */
  startedFrom: { source: 'snapshot' | 'store'; reason?: string } | null = null;

  /** `snapshotFile`: an index snapshot to start from when it is valid (index-snapshot-file.ts). */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly snapshotFile: string | null = null,
  ) {
    super();
  }

  get position(): number {
    return this.lastSeq;
  }

  /** When (epoch ms) the index last held every change of the feed it read: how stale it may be. */
  get lastCaughtUpAt(): number {
    return this.caughtUpAt;
  }

  /** Loads every active alert and the feed position they correspond to, in one snapshot. */
  async load(): Promise<void> {
    if (this.snapshotFile !== null) {
      const started = await startFromSnapshot(this.db, this.index, this.snapshotFile);
      if (started.ok) {
        this.startedFrom = { source: 'snapshot' };
        this.lastSeq = started.position;
        return this.catchUp();
      }
      this.startedFrom = { source: 'store', reason: `${started.reason}: ${started.detail}` };
    }
    this.startedFrom ??= { source: 'store' };
    this.lastSeq = await activeAlertsSnapshot(this.db, (alert) => this.index.upsert(alert), PAGE);
    this.caughtUpAt = Date.now();
  }

  /**
   * The index with every change committed before the call applied: a screening finds an alert
   * published a moment earlier, through this process or another. One read of the feed's head
   * (a counter row) decides whether to catch up; the poller keeps that rare.
   */
  async fresh(): Promise<ScreeningIndex> {
    for (let round = 0; round < 3; round++) {
      if ((await changeFeedHead(this.db)) <= this.lastSeq) break;
      // A run already under way may have read the feed before the head we saw: then one more.
      await this.catchUp();
    }
    return this.index;
  }

  /** Hears the other threads' `committed` on `channel` (catching up at once) and tells them this one's. */
  shareWith(channel: ChangeChannel, onError: (err: unknown) => void = () => {}): void {
    this.channel = channel;
    // A run under way may have read the feed before that commit: then one more after it.
    channel.onmessage = () => {
      const next = (): Promise<void> => this.catchUp();
      (this.running ?? Promise.resolve()).then(next, next).catch(onError);
    };
  }

  /** Call after a transaction that may have appended to the change feed has committed. */
  committed(): void {
    this.channel?.postMessage('changed');
  }

  /** One run: applies every change since the last one applied. */
  protected async apply(): Promise<void> {
    for (;;) {
      const rows = await allChangesAfter(this.db, this.lastSeq, PAGE);
      for (const r of rows) {
        const alert: Alert = { ...r.body, id: r.alert_id, owner: r.owner, status: r.status as AlertStatus, version: r.version, createdAt: r.at, updatedAt: r.at };
        this.index.upsert(alert);
        this.lastSeq = Number(r.seq);
      }
      if (rows.length < PAGE) break;
    }
    this.caughtUpAt = Date.now();
  }
}
