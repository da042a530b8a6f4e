import { z } from 'zod';
import { DEFAULT_RETENTION_YEARS } from '@crosscheck/core';
import type { CooperationSettings } from './app/deps.js';

/**
 * The environment, parsed once. Every variable is listed in the README; nothing else in the
 * server reads `process.env`.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CROSSCHECK_BODY_LIMIT: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
  CROSSCHECK_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  CROSSCHECK_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  CROSSCHECK_OPERATOR: z.string().regex(/^[A-Z]{3}$/).default('IPO'),
  CROSSCHECK_RETENTION_PERSON_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  CROSSCHECK_RETENTION_DOCUMENT_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  CROSSCHECK_RETENTION_VEHICLE_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  CROSSCHECK_PURGE_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  CROSSCHECK_REPLY_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  CROSSCHECK_ATTACHMENTS_DIR: z.string().optional(),
  CROSSCHECK_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  CROSSCHECK_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
});

export interface Config {
  /** A `postgres://` URL, or a SQLite file path. */
  database: string;
  port: number;
  host: string;
  logLevel: string;
  bodyLimit: number;
  sessionHours: number;
  secureCookies: boolean;
  /** The member that runs this installation; its auditors see the whole trail. */
  operator: string;
  cooperation: CooperationSettings;
  /** Where the public reaches this server (public notices' links); else the address each request used. */
  publicUrl: string | null;
}

export const DEFAULT_SQLITE_PATH = './data/crosscheck.db';

export function loadConfig(env: NodeJS.ProcessEnv, overrides: { db?: string; port?: number } = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    database: overrides.db ?? e.DATABASE_URL ?? DEFAULT_SQLITE_PATH,
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.CROSSCHECK_BODY_LIMIT,
    sessionHours: e.CROSSCHECK_SESSION_HOURS,
    secureCookies: e.CROSSCHECK_SECURE_COOKIES === 'true',
    operator: e.CROSSCHECK_OPERATOR,
    publicUrl: e.CROSSCHECK_PUBLIC_URL ?? null,
    cooperation: {
      retentionYears: { person: e.CROSSCHECK_RETENTION_PERSON_YEARS, document: e.CROSSCHECK_RETENTION_DOCUMENT_YEARS, vehicle: e.CROSSCHECK_RETENTION_VEHICLE_YEARS },
      warnMonths: 4,
      purgeGraceDays: e.CROSSCHECK_PURGE_GRACE_DAYS,
      replyHours: e.CROSSCHECK_REPLY_HOURS,
      attachmentsDir: e.CROSSCHECK_ATTACHMENTS_DIR ?? null,
      webhookAllowPrivate: e.CROSSCHECK_WEBHOOK_ALLOW_PRIVATE === 'true',
    },
  };
}

/** The defaults of the settings above, for tests and the CLI. */
export const DEFAULT_COOPERATION: CooperationSettings = { retentionYears: DEFAULT_RETENTION_YEARS, warnMonths: 4, purgeGraceDays: 30, replyHours: 12, attachmentsDir: null, webhookAllowPrivate: false };
