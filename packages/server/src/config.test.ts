import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DEFAULT_RETENTION_YEARS } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_PATH, defaultConfig, loadConfig } from './config.js';

describe('configuration', () => {
  it('gives every setting its default from an empty environment, grouped by what it is for', () => {
    expect(defaultConfig()).toEqual({
      storage: { database: DEFAULT_SQLITE_PATH },
      http: { port: 8080, host: '0.0.0.0', workers: availableParallelism(), logLevel: 'info', slowRequestMs: 1_000, bodyLimit: 256 * 1024, secureCookies: 'auto', publicUrl: null, trustProxy: false, hstsMaxAge: 31_536_000 },
      connections: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 },
      access: { operator: 'IPO', sessionHours: 12 },
      cooperation: { replyHours: 12, attachmentsDir: null },
      retention: { years: DEFAULT_RETENTION_YEARS, warnMonths: 4, purgeGraceDays: 30, lookbackHours: 72 },
      webhooks: { allowPrivate: false },
      auditTrail: { keyFile: null, checkpointMinutes: 60, checkpointFile: null, checkpointUrl: null },
      limits: { login: { accountLockAfter: 10, sourceLockAfter: 50, lockoutMinutes: 15 }, rate: { screenPerMinute: 120_000, writePerMinute: 6_000 } },
      screening: { snapshotFile: null, snapshotMinutes: 15, bounds: { threshold: { min: 0.6, max: 0.95 }, weight: { min: 0, max: 2 } } },
      demo: { credentialsFile: 'data/demo-credentials.txt' },
      observability: { metricsAddress: { host: '127.0.0.1', port: 9464 }, otelEndpoint: null, otelSampleRatio: 1 },
    });
  });

  it('reads each variable into its group, and the command line wins over the environment', () => {
    const c = loadConfig(
      { DATABASE_URL: 'postgres://db/x', PORT: '9000', CROSSCHECK_REPLY_HOURS: '6', CROSSCHECK_RETENTION_PERSON_YEARS: '3', CROSSCHECK_WEBHOOK_ALLOW_PRIVATE: 'true', CROSSCHECK_ATTACHMENTS_DIR: '/srv/files', CROSSCHECK_PUBLIC_URL: 'https://cc.example.org/' },
      { port: 7000 },
    );
    expect(c.storage.database).toBe('postgres://db/x');
    expect(c.http).toMatchObject({ port: 7000, publicUrl: 'https://cc.example.org' });
    expect(c.cooperation).toEqual({ replyHours: 6, attachmentsDir: '/srv/files' });
    expect(c.retention.years).toEqual({ ...DEFAULT_RETENTION_YEARS, person: 3 });
    expect(c.webhooks.allowPrivate).toBe(true);
    expect(loadConfig({ CROSSCHECK_RATE_SCREEN_PER_MINUTE: '600', CROSSCHECK_LOGIN_LOCKOUT_MINUTES: '5' }).limits).toEqual({
      login: { accountLockAfter: 10, sourceLockAfter: 50, lockoutMinutes: 5 },
      rate: { screenPerMinute: 600, writePerMinute: 6_000 },
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }, { db: 'local.db' }).storage.database).toBe('local.db');
    expect(loadConfig({ CROSSCHECK_THRESHOLD_MIN: '0.5', CROSSCHECK_EVIDENCE_WEIGHT_MAX: '3' }).screening.bounds).toEqual({ threshold: { min: 0.5, max: 0.95 }, weight: { min: 0, max: 3 } });
  });

  it('refuses bounds of screening settings whose minimum is above their maximum', () => {
    expect(() => loadConfig({ CROSSCHECK_THRESHOLD_MIN: '0.9', CROSSCHECK_THRESHOLD_MAX: '0.8' })).toThrow('invalid environment variable CROSSCHECK_THRESHOLD_MIN: 0.9 is above CROSSCHECK_THRESHOLD_MAX (0.8)');
  });

  it('keeps the demo credentials beside the SQLite database (in ./data for PostgreSQL) unless told where', () => {
    expect(loadConfig({}, { db: '/srv/cc/main.db' }).demo.credentialsFile).toBe('/srv/cc/demo-credentials.txt');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).demo.credentialsFile).toBe('data/demo-credentials.txt');
    expect(loadConfig({ CROSSCHECK_DEMO_CREDENTIALS_FILE: '/root/demo.txt' }).demo.credentialsFile).toBe('/root/demo.txt');
    expect(loadConfig({ CROSSCHECK_SLOW_REQUEST_MS: '250' }).http.slowRequestMs).toBe(250);
    expect(loadConfig({ CROSSCHECK_INDEX_SNAPSHOT: '/var/lib/crosscheck/index.snapshot', CROSSCHECK_INDEX_SNAPSHOT_MINUTES: '5' }).screening).toMatchObject({ snapshotFile: '/var/lib/crosscheck/index.snapshot', snapshotMinutes: 5 });
  });

  it('reads how far proxies are trusted and whether cookies are Secure', () => {
    expect(loadConfig({ CROSSCHECK_TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ CROSSCHECK_TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ CROSSCHECK_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).http.trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(loadConfig({ CROSSCHECK_SECURE_COOKIES: 'true' }).http.secureCookies).toBe(true);
    expect(loadConfig({ CROSSCHECK_SECURE_COOKIES: 'false' }).http.secureCookies).toBe(false);
    expect(() => loadConfig({ CROSSCHECK_TRUST_PROXY: 'everyone' })).toThrow(/CROSSCHECK_TRUST_PROXY/);
  });

  it('refuses a headers deadline longer than the whole request', () => {
    expect(() => loadConfig({ CROSSCHECK_HEADERS_TIMEOUT_MS: '60000', CROSSCHECK_REQUEST_TIMEOUT_MS: '30000' })).toThrow(/CROSSCHECK_HEADERS_TIMEOUT_MS/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ CROSSCHECK_REPLY_HOURS: 'soon' })).toThrow(/CROSSCHECK_REPLY_HOURS/);
    expect(() => loadConfig({ CROSSCHECK_OPERATOR: 'interpol' })).toThrow(/CROSSCHECK_OPERATOR/);
    expect(() => loadConfig({ CROSSCHECK_AUDIT_CHECKPOINT_MINUTES: '0' })).toThrow(/CROSSCHECK_AUDIT_CHECKPOINT_MINUTES/);
    expect(() => loadConfig({ CROSSCHECK_AUDIT_CHECKPOINT_URL: 'ftp://x' })).toThrow(/CROSSCHECK_AUDIT_CHECKPOINT_URL/);
    expect(() => loadConfig({ CROSSCHECK_LOGIN_ACCOUNT_LOCK_AFTER: '1' })).toThrow(/CROSSCHECK_LOGIN_ACCOUNT_LOCK_AFTER/);
  });

  it('reads the audit checkpoint settings into their own group', () => {
    const c = loadConfig({ CROSSCHECK_AUDIT_KEY_FILE: '/etc/crosscheck/audit.key', CROSSCHECK_AUDIT_CHECKPOINT_MINUTES: '15', CROSSCHECK_AUDIT_CHECKPOINT_FILE: '/var/log/cc-checkpoints', CROSSCHECK_AUDIT_CHECKPOINT_URL: 'https://notary.example.org/cc' });
    expect(c.auditTrail).toEqual({ keyFile: '/etc/crosscheck/audit.key', checkpointMinutes: 15, checkpointFile: '/var/log/cc-checkpoints', checkpointUrl: 'https://notary.example.org/cc' });
  });

  it('serves metrics where told, or nowhere, and traces only when a collector is named', () => {
    const o = (env: Record<string, string>) => loadConfig(env).observability;
    expect(o({ CROSSCHECK_METRICS_ADDRESS: '0.0.0.0:9100' }).metricsAddress).toEqual({ host: '0.0.0.0', port: 9100 });
    expect(o({ CROSSCHECK_METRICS_ADDRESS: '[::1]:9464' }).metricsAddress).toEqual({ host: '::1', port: 9464 });
    expect(o({ CROSSCHECK_METRICS_ADDRESS: 'metrics.internal:0' }).metricsAddress).toEqual({ host: 'metrics.internal', port: 0 });
    expect(o({ CROSSCHECK_METRICS_ADDRESS: 'off' }).metricsAddress).toBeNull();
    for (const bad of ['9464', 'localhost', ':9464', '::1:9464', 'host:port', 'on']) {
      expect(() => loadConfig({ CROSSCHECK_METRICS_ADDRESS: bad }), bad).toThrow(/CROSSCHECK_METRICS_ADDRESS: host:port/);
    }
    expect(() => loadConfig({ CROSSCHECK_METRICS_ADDRESS: '127.0.0.1:70000' })).toThrow(/CROSSCHECK_METRICS_ADDRESS: port 70000 is above 65535/);
    expect(o({ CROSSCHECK_OTEL_ENDPOINT: 'http://collector:4318/', CROSSCHECK_OTEL_SAMPLE_RATIO: '0.25' })).toMatchObject({ otelEndpoint: 'http://collector:4318', otelSampleRatio: 0.25 });
    expect(() => loadConfig({ CROSSCHECK_OTEL_ENDPOINT: 'collector:4318' })).toThrow(/CROSSCHECK_OTEL_ENDPOINT/);
    expect(() => loadConfig({ CROSSCHECK_OTEL_SAMPLE_RATIO: '2' })).toThrow(/CROSSCHECK_OTEL_SAMPLE_RATIO/);
  });

  it('lists every variable it reads in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const variables = [...source.matchAll(/^\s+([A-Z][A-Z_]+): z\./gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(10);
    expect(variables.filter((v) => !readme.includes(v))).toEqual([]);
  });
});
