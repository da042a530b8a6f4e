import { z } from 'zod';
import { DEFAULT_RETENTION_YEARS, DEFAULT_SCREEN_SETTINGS_BOUNDS, type ScreenSettingsBounds } from '@crosscheck/core';
import type { AuditTrailSettings, CooperationSettings, RetentionSettings, WebhookSettings } from './app/deps.js';
import type { LimitSettings } from './app/limits/limit-settings.js';
import type { MetricsAddress } from './metrics/metrics-server.js';
import type { ConnectionLimits } from './http/connection-limits.js';
import type { SecureCookies, TrustProxy } from './http/transport-security.js';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isPostgresUrl } from './store/database.js';

/**
 * The environment, parsed once; every default is stated here and nowhere else (tests, benches
 * and the CLI take `defaultConfig()`). Every variable is listed in the README; nothing else in
 * the server reads `process.env`.
 */
const envSchema = z.object({
  // storage
  DATABASE_URL: z.string().optional(),
  // http
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  // Threads that answer requests (serve --workers); by default one per core.
  CROSSCHECK_WORKERS: z.coerce.number().int().min(1).max(1024).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // A request that takes longer is logged at info level (the others at debug): what an operator looks for.
  CROSSCHECK_SLOW_REQUEST_MS: z.coerce.number().int().min(1).max(3_600_000).default(1_000),
  CROSSCHECK_BODY_LIMIT: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
  CROSSCHECK_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  CROSSCHECK_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9A-Fa-f.:/]+(,\s*[0-9A-Fa-f.:/]+)*)$/, 'true, false, a number of proxies, or proxy addresses/CIDRs separated by commas')
    .default('false'),
  CROSSCHECK_HSTS_MAX_AGE: z.coerce.number().int().min(0).max(2 * 365 * 24 * 3600).default(365 * 24 * 3600),
  CROSSCHECK_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  // connections: how long a client may take and how many may be connected at once
  CROSSCHECK_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  CROSSCHECK_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  CROSSCHECK_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  CROSSCHECK_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  // access
  CROSSCHECK_OPERATOR: z.string().regex(/^[A-Z]{3}$/).default('IPO'),
  CROSSCHECK_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  // cooperation
  CROSSCHECK_REPLY_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  CROSSCHECK_ATTACHMENTS_DIR: z.string().optional(),
  // retention (the periods per kind are the core's rule, `DEFAULT_RETENTION_YEARS`)
  // The screening index's snapshot file (a server starts from it); none by default.
  CROSSCHECK_INDEX_SNAPSHOT: z.string().min(1).optional(),
  CROSSCHECK_INDEX_SNAPSHOT_MINUTES: z.coerce.number().min(0.1).max(24 * 60).default(15),
  // how far a screening request may set its own hit threshold and evidence weights (core screen-settings.ts)
  CROSSCHECK_THRESHOLD_MIN: z.coerce.number().min(0).max(1).default(DEFAULT_SCREEN_SETTINGS_BOUNDS.threshold.min),
  CROSSCHECK_THRESHOLD_MAX: z.coerce.number().min(0).max(1).default(DEFAULT_SCREEN_SETTINGS_BOUNDS.threshold.max),
  CROSSCHECK_EVIDENCE_WEIGHT_MIN: z.coerce.number().min(0).max(10).default(DEFAULT_SCREEN_SETTINGS_BOUNDS.weight.min),
  CROSSCHECK_EVIDENCE_WEIGHT_MAX: z.coerce.number().min(0).max(10).default(DEFAULT_SCREEN_SETTINGS_BOUNDS.weight.max),
  CROSSCHECK_RETENTION_PERSON_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION_YEARS.person),
  CROSSCHECK_RETENTION_DOCUMENT_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION_YEARS.document),
  CROSSCHECK_RETENTION_VEHICLE_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION_YEARS.vehicle),
  CROSSCHECK_RETENTION_ASSET_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION_YEARS.asset),
  CROSSCHECK_PURGE_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  // hits after the fact: hours of screenings a new alert is screened against (0: off), and kept for
  CROSSCHECK_LOOKBACK_HOURS: z.coerce.number().min(0).max(24 * 30).default(72),
  // webhooks
  CROSSCHECK_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  // audit trail checkpoints
  CROSSCHECK_AUDIT_KEY_FILE: z.string().min(1).optional(),
  CROSSCHECK_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  CROSSCHECK_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  CROSSCHECK_AUDIT_CHECKPOINT_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
    .optional(),
  // demo: where `serve --demo` also writes the credentials it prints (mode 0600)
  CROSSCHECK_DEMO_CREDENTIALS_FILE: z.string().min(1).optional(),
  // limits (why these defaults: docs/ARCHITECTURE.md, "Limits")
  CROSSCHECK_LOGIN_ACCOUNT_LOCK_AFTER: z.coerce.number().int().min(2).max(1000).default(10),
  CROSSCHECK_LOGIN_SOURCE_LOCK_AFTER: z.coerce.number().int().min(2).max(100_000).default(50),
  CROSSCHECK_LOGIN_LOCKOUT_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  CROSSCHECK_RATE_SCREEN_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(120_000),
  CROSSCHECK_RATE_WRITE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(6_000),
  // observability: Prometheus metrics on a listener of their own (loopback by default, never the
  // public API port), and OpenTelemetry traces when a collector is named
  CROSSCHECK_METRICS_ADDRESS: z
    .string()
    .trim()
    .regex(/^(off|(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5})$/, 'host:port (an IPv6 host in brackets), or off')
    .default('127.0.0.1:9464'),
  CROSSCHECK_OTEL_ENDPOINT: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  CROSSCHECK_OTEL_SAMPLE_RATIO: z.coerce.number().min(0).max(1).default(1),
});

/** `host:port` or `[v6]:port`; null for `off`. */
function metricsAddress(value: string): MetricsAddress | null {
  if (value === 'off') return null;
  const at = value.lastIndexOf(':');
  const port = Number(value.slice(at + 1));
  if (port > 65535) throw new Error(`invalid environment variable CROSSCHECK_METRICS_ADDRESS: port ${port} is above 65535`);
  return { host: value.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port };
}

function trustProxy(value: string): TrustProxy {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((a) => a.trim());
}

/** Owners are warned this many months before an alert's review date (not an environment setting). */
const WARN_MONTHS = 4;

export const DEFAULT_SQLITE_PATH = './data/crosscheck.db';

/** The settings of one installation, grouped by what they are for. */
export interface Config {
  storage: {
    /** A `postgres://` URL, or a SQLite file path. */
    database: string;
  };
  http: {
    port: number;
    host: string;
    /** Worker threads that answer requests, listening on the one port (`serve --workers`). */
    workers: number;
    logLevel: string;
    /** Requests slower than this are logged at info level; the others at debug. */
    slowRequestMs: number;
    bodyLimit: number;
    /** `auto`: the session cookie is `Secure` when the request came over HTTPS (directly or per a trusted proxy). */
    secureCookies: SecureCookies;
    /** Where the public reaches this server (public notices' links); else the address each request used. */
    publicUrl: string | null;
    /** Whose `X-Forwarded-*` headers are believed (fastify's `trustProxy`): none, all, a number of hops, or addresses. */
    trustProxy: TrustProxy;
    /** `Strict-Transport-Security` max-age on answers over HTTPS; 0 sends none. */
    hstsMaxAge: number;
  };
  connections: ConnectionLimits;
  access: {
    /** The member that runs this installation; its auditors see the whole trail. */
    operator: string;
    sessionHours: number;
  };
  cooperation: CooperationSettings;
  retention: RetentionSettings;
  webhooks: WebhookSettings;
  auditTrail: AuditTrailSettings;
  limits: LimitSettings;
  screening: {
    /** Where the screening index's snapshot is written and started from; null: always load from the store. */
    snapshotFile: string | null;
    /** How often the snapshot is written (and once more at stop). */
    snapshotMinutes: number;
    /** How far a request may set its own threshold and evidence weights. */
    bounds: ScreenSettingsBounds;
  };
  demo: {
    /** The file, readable by the operator only, to which `serve --demo` writes the credentials it prints. */
    credentialsFile: string;
  };
  observability: {
    /** Where `GET /metrics` is served, apart from the API; null: not at all. */
    metricsAddress: MetricsAddress | null;
    /** An OTLP/HTTP collector's base URL (traces go to `/v1/traces` under it); null: no tracing. */
    otelEndpoint: string | null;
    /** The share of requests traced; a caller's `traceparent` flag does not change it. */
    otelSampleRatio: number;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: { db?: string; port?: number; workers?: number } = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  // Node refuses a server whose headers may take longer than the whole request.
  if (e.CROSSCHECK_HEADERS_TIMEOUT_MS > e.CROSSCHECK_REQUEST_TIMEOUT_MS) {
    throw new Error(`invalid environment variable CROSSCHECK_HEADERS_TIMEOUT_MS: ${e.CROSSCHECK_HEADERS_TIMEOUT_MS} is longer than CROSSCHECK_REQUEST_TIMEOUT_MS (${e.CROSSCHECK_REQUEST_TIMEOUT_MS}); headers are part of the request`);
  }
  for (const [min, max] of [['CROSSCHECK_THRESHOLD_MIN', 'CROSSCHECK_THRESHOLD_MAX'], ['CROSSCHECK_EVIDENCE_WEIGHT_MIN', 'CROSSCHECK_EVIDENCE_WEIGHT_MAX']] as const) {
    if (e[min] > e[max]) throw new Error(`invalid environment variable ${min}: ${e[min]} is above ${max} (${e[max]})`);
  }
  return {
    storage: { database: overrides.db ?? e.DATABASE_URL ?? DEFAULT_SQLITE_PATH },
    http: {
      port: overrides.port ?? e.PORT,
      host: e.HOST,
      workers: overrides.workers ?? e.CROSSCHECK_WORKERS ?? availableParallelism(),
      logLevel: e.LOG_LEVEL,
      slowRequestMs: e.CROSSCHECK_SLOW_REQUEST_MS,
      bodyLimit: e.CROSSCHECK_BODY_LIMIT,
      secureCookies: e.CROSSCHECK_SECURE_COOKIES === 'auto' ? 'auto' : e.CROSSCHECK_SECURE_COOKIES === 'true',
      publicUrl: e.CROSSCHECK_PUBLIC_URL ?? null,
      trustProxy: trustProxy(e.CROSSCHECK_TRUST_PROXY),
      hstsMaxAge: e.CROSSCHECK_HSTS_MAX_AGE,
    },
    connections: {
      headersTimeoutMs: e.CROSSCHECK_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.CROSSCHECK_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.CROSSCHECK_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.CROSSCHECK_MAX_CONNECTIONS,
    },
    access: { operator: e.CROSSCHECK_OPERATOR, sessionHours: e.CROSSCHECK_SESSION_HOURS },
    cooperation: { replyHours: e.CROSSCHECK_REPLY_HOURS, attachmentsDir: e.CROSSCHECK_ATTACHMENTS_DIR ?? null },
    retention: {
      years: { person: e.CROSSCHECK_RETENTION_PERSON_YEARS, document: e.CROSSCHECK_RETENTION_DOCUMENT_YEARS, vehicle: e.CROSSCHECK_RETENTION_VEHICLE_YEARS, asset: e.CROSSCHECK_RETENTION_ASSET_YEARS },
      warnMonths: WARN_MONTHS,
      purgeGraceDays: e.CROSSCHECK_PURGE_GRACE_DAYS,
      lookbackHours: e.CROSSCHECK_LOOKBACK_HOURS,
    },
    webhooks: { allowPrivate: e.CROSSCHECK_WEBHOOK_ALLOW_PRIVATE === 'true' },
    limits: {
      login: { accountLockAfter: e.CROSSCHECK_LOGIN_ACCOUNT_LOCK_AFTER, sourceLockAfter: e.CROSSCHECK_LOGIN_SOURCE_LOCK_AFTER, lockoutMinutes: e.CROSSCHECK_LOGIN_LOCKOUT_MINUTES },
      rate: { screenPerMinute: e.CROSSCHECK_RATE_SCREEN_PER_MINUTE, writePerMinute: e.CROSSCHECK_RATE_WRITE_PER_MINUTE },
    },
    auditTrail: {
      keyFile: e.CROSSCHECK_AUDIT_KEY_FILE ?? null,
      checkpointMinutes: e.CROSSCHECK_AUDIT_CHECKPOINT_MINUTES,
      checkpointFile: e.CROSSCHECK_AUDIT_CHECKPOINT_FILE ?? null,
      checkpointUrl: e.CROSSCHECK_AUDIT_CHECKPOINT_URL ?? null,
    },
    screening: {
      snapshotFile: e.CROSSCHECK_INDEX_SNAPSHOT ?? null,
      snapshotMinutes: e.CROSSCHECK_INDEX_SNAPSHOT_MINUTES,
      bounds: { threshold: { min: e.CROSSCHECK_THRESHOLD_MIN, max: e.CROSSCHECK_THRESHOLD_MAX }, weight: { min: e.CROSSCHECK_EVIDENCE_WEIGHT_MIN, max: e.CROSSCHECK_EVIDENCE_WEIGHT_MAX } },
    },
    demo: { credentialsFile: e.CROSSCHECK_DEMO_CREDENTIALS_FILE ?? demoCredentialsBeside(overrides.db ?? e.DATABASE_URL ?? DEFAULT_SQLITE_PATH) },
    observability: { metricsAddress: metricsAddress(e.CROSSCHECK_METRICS_ADDRESS), otelEndpoint: e.CROSSCHECK_OTEL_ENDPOINT ?? null, otelSampleRatio: e.CROSSCHECK_OTEL_SAMPLE_RATIO },
  };
}

/** Beside the SQLite file, so that deleting its folder forgets both; ./data for PostgreSQL. */
function demoCredentialsBeside(database: string): string {
  return join(isPostgresUrl(database) ? './data' : dirname(database), 'demo-credentials.txt');
}

/** Every setting at its default, as an empty environment gives it: for tests, benches and tools. */
export function defaultConfig(overrides: { db?: string; port?: number } = {}): Config {
  return loadConfig({}, overrides);
}
