import type { Actor, RetentionYears } from '@crosscheck/core';
import type { EventBus } from '../events/event-bus.js';
import type { StoreDeps } from '../store/store-deps.js';
import type { IndexFollower } from '../screening/index-follower.js';

/** What every use case needs from the outside world; built once in main.ts (or a test). */
export interface Deps extends StoreDeps {
  /** The member that runs this installation: its auditors see the whole trail. */
  operator: string;
  sessionHours: number;
  /** This process's screening index, loaded on first use and then following the change feed. */
  screeningIndex: () => Promise<IndexFollower>;
  /** Told after a transaction that wrote events commits, so open event streams look at once. */
  bus: EventBus;
  /** What the work between bureaus is bound by: retention and review dates, the purge's grace period, the reply deadline, attachments, webhook delivery. */
  cooperation: CooperationSettings;
}

export interface CooperationSettings {
  /** Years until an alert's review date, per kind. */
  retentionYears: RetentionYears;
  /** Owners are warned this many months before the review date. */
  warnMonths: number;
  /** Days after expiry before an alert's personal data is purged. */
  purgeGraceDays: number;
  /** Hours within which a supplementary-information form must be answered (SIRENE: 12). */
  replyHours: number;
  /** Folder for message attachments; null keeps them in the database. */
  attachmentsDir: string | null;
  /** Deliver webhooks to private, loopback and link-local addresses too (receivers inside a closed network). */
  webhookAllowPrivate: boolean;
}

/** Who asks, and under which request id (for the audit trail). */
export interface Ctx {
  actor: Actor;
  requestId: string;
}

export { nowIso } from '../store/store-deps.js';
