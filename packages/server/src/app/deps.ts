import type { Actor, RetentionYears, ScreenSettingsBounds } from '@crosscheck/core';
import type { EventBus } from '../events/event-bus.js';
import type { StoreDeps } from '../store/store-deps.js';
import type { IndexFollower } from '../screening/index-follower.js';
import type { AuditScanner } from '../store/audit-scan-thread.js';
import type { Limits } from './limits/limits.js';

/** What every use case needs from the outside world; built once in main.ts (or a test). */
export interface Deps extends StoreDeps {
  /** The member that runs this installation: its auditors see the whole trail. */
  operator: string;
  sessionHours: number;
  /** This process's screening index, loaded on first use and then following the change feed. */
  screeningIndex: () => Promise<IndexFollower>;
  /** Told after a transaction that wrote events commits, so open event streams look at once. */
  bus: EventBus;
  /** Forms and messages between bureaus. */
  cooperation: CooperationSettings;
  /** When alerts come up for review, expire and are purged. */
  retention: RetentionSettings;
  webhooks: WebhookSettings;
  /** Signed checkpoints of the audit trail. */
  auditTrail: AuditTrailSettings;
  /** Full scans of the trail (verification, checkpoints, proofs), run off the event loop. */
  auditScanner: AuditScanner;
  /** Login back-off and lockouts, per-credential rates, refusals awaiting their summary. */
  limits: Limits;
  /** How far a screening request may set its own threshold and evidence weights (core screen-settings.ts). */
  screeningBounds: ScreenSettingsBounds;
}

/** The settings below are read from the environment, with their defaults, by `loadConfig` (config.ts). */
export interface CooperationSettings {
  /** Hours within which a supplementary-information form must be answered (SIRENE: 12). */
  replyHours: number;
  /** Folder for message attachments; null keeps them in the database. */
  attachmentsDir: string | null;
}

export interface RetentionSettings {
  /** Years until an alert's review date, per kind. */
  years: RetentionYears;
  /** Owners are warned this many months before the review date. */
  warnMonths: number;
  /** Days after expiry before an alert's personal data is purged. */
  purgeGraceDays: number;
  /**
   * Hours of past screenings a new alert is screened against (hits after the fact), and how long
   * the query of a screening without hits is kept; 0 turns the lookback off.
   */
  lookbackHours: number;
}

export interface WebhookSettings {
  /** Deliver webhooks to private, loopback and link-local addresses too (receivers inside a closed network). */
  allowPrivate: boolean;
}

export interface AuditTrailSettings {
  /** The Ed25519 private key (PKCS#8 PEM, mode 0600) that signs checkpoints; null: no checkpoints. */
  keyFile: string | null;
  /** Minutes between scheduled checkpoints. */
  checkpointMinutes: number;
  /** A file outside the database to which each checkpoint is appended as a JSON line. */
  checkpointFile: string | null;
  /** A URL to which each checkpoint is POSTed as JSON. */
  checkpointUrl: string | null;
}

/** Who asks, and under which request id (for the audit trail). */
export interface Ctx {
  actor: Actor;
  requestId: string;
}

/** A request before it has an actor (a login, a credential being checked): its id and source address. */
export interface RequestSource {
  requestId: string;
  /** The address it came from (`request.ip`: the proxy's client address when the proxy is trusted). */
  source: string;
}

export { nowIso } from '../store/store-deps.js';
