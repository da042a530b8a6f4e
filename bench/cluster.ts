/**
 * `npm run cluster-test`: crosscheck as several nodes on one PostgreSQL behind HAProxy, on this
 * machine, under load, through a node crash and a cut of every database connection, and a node
 * joining. Starts its own PostgreSQL (a primary and a streaming replica, in a temporary
 * directory), migrates, creates keys, starts three nodes and HAProxy (deploy/haproxy.cfg's
 * policy), then:
 *
 *   steady           screenings, alert creations and alert reads at fixed rates
 *   node-killed      `kill -9` of one node mid-load
 *   connections-cut  pg_terminate_backend of every client connection of the database
 *   join             an alert is created, a fourth node started: how long until it finds it
 *   checks           every acknowledged alert, screening and hit is stored; no hit twice; no
 *                    screening twice; the audit trail verifies; the replica caught up
 *
 * Prints one JSON line per phase; exits 1 when a check fails. Ends everything it started and
 * removes its directory, also on failure or Ctrl-C. Not part of `npm test` (a few minutes).
 *
 *   node packages/server/bin/run-ts.js bench/cluster.ts [--screens 200] [--alerts 5] [--reads 20] [--phase-seconds 10] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterProxyConfig, proxyLogBetween, serverStats } from './cluster/haproxy.js';
import { call, documentAlert, Load, summarise } from './cluster/load.js';
import { OwnPostgres } from './cluster/postgres.js';
import { freePort, Processes, run, sleep, waitFor } from './cluster/processes.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const cli = join(root, 'packages/server/bin/crosscheck.js');
/** A numeric option, or its default when absent; anything but a number (above 0 unless `zero`) ends the test at once. */
const arg = (name: string, fallback: number, zero = true) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const text = process.argv[i + 1];
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
    console.error(`--${name} needs a number${zero ? ' (0 or more)' : ' above 0'}${text === undefined ? '' : `, not ${JSON.stringify(text)}`}`);
    process.exit(2);
  }
  return value;
};
const unknown = process.argv.slice(2).filter((a) => a.startsWith('--') && !['--screens', '--alerts', '--reads', '--phase-seconds', '--keep'].includes(a));
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(' ')}; options: --screens --alerts --reads --phase-seconds (numbers), --keep`);
  process.exit(2);
}
const rates = { screensPerSecond: arg('screens', 200), alertsPerSecond: arg('alerts', 5), readsPerSecond: arg('reads', 20) };
const phaseMs = arg('phase-seconds', 10, false) * 1000;
/** Keeps the directory (logs, data) after stopping everything: to look into a failure. */
const keep = process.argv.includes('--keep');
/** A node that has not joined within this long has failed "seconds, not minutes". */
const JOIN_LIMIT_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cluster-'));
// PostgreSQL runs as `postgres` in folders of its own below this one: it must pass through.
chmodSync(dir, 0o711);
const failures: string[] = [];
const processes = new Processes((name, error) => failures.push(`${name} could not be started: ${error.message}`));
const servers: OwnPostgres[] = [];
let load: Load | null = null;

const report = (phase: string, data: Record<string, unknown>) => console.log(JSON.stringify({ phase, ...data }));
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return ok;
};

let cleaning: Promise<void> | null = null;
let cleaned = false;
/** PostgreSQL servers (pg_ctl starts them detached: they outlive this process) and the directory. */
function stopServersAndRemove(): void {
  for (const s of [...servers].reverse()) s.stop();
  if (keep) console.error(`kept ${dir} (logs of the nodes, the proxy and PostgreSQL)`);
  else rmSync(dir, { recursive: true, force: true });
  cleaned = true;
}
/** Stops everything started and removes the directory; every caller waits for the one run. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await processes.stopAll();
    await load?.stop().catch(() => undefined);
    stopServersAndRemove();
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.once(event, (error: unknown) => {
    failures.push(`${event}: ${(error as Error)?.message ?? String(error)}`);
    report('error', { message: failures.at(-1) });
    void cleanUp().finally(() => process.exit(1));
  });
}
// Whatever ends this process before the clean-up finished (process.exit from elsewhere, a second
// fatal error): what can be done without waiting. pg_ctl stops the servers synchronously.
process.on('exit', () => {
  if (cleaned) return;
  processes.killAllNow();
  stopServersAndRemove();
});

try {
  // ---- setup: PostgreSQL primary and replica, schema, keys, three nodes, the proxy
  const setupStart = Date.now();
  const primary = await OwnPostgres.create('primary', dir);
  const replica = await OwnPostgres.create('replica', dir);
  servers.push(primary, replica);
  await primary.initPrimary();
  await replica.cloneAsReplica(primary);
  // No metrics listener: every node would try the same default address, and the test reads none.
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: primary.url, LOG_LEVEL: 'warn', CROSSCHECK_METRICS_ADDRESS: 'off', ...extra });
  const crosscheck = (args: string[]) => run(process.execPath, [cli, ...args], { env: env() });
  crosscheck(['db', 'migrate']);
  const lastLine = (out: string) => out.trim().split('\n').pop()!.trim();
  const screenKey = lastLine(crosscheck(['keys', 'create', '--member', 'FRA', '--role', 'frontline', '--label', 'cluster test screening']));
  const bureauKey = lastLine(crosscheck(['keys', 'create', '--member', 'FRA', '--role', 'bureau', '--label', 'cluster test alerts']));
  // Worker threads per node, where `serve` has them: one each, so that a node is one process.
  const workersFlag = crosscheck(['serve', '--help']).includes('--workers') ? ['--workers', '1'] : [];

  const ports = { n1: await freePort(), n2: await freePort(), n3: await freePort(), n4: await freePort() };
  const startNode = (name: keyof typeof ports) =>
    processes.start(name, process.execPath, [cli, 'serve', ...workersFlag], join(dir, `${name}.log`), {
      // The proxy keeps idle connections to the nodes; a node closing one first could meet a request in flight.
      env: env({ PORT: String(ports[name]), HOST: '127.0.0.1', CROSSCHECK_KEEP_ALIVE_TIMEOUT_MS: '60000', CROSSCHECK_TRUST_PROXY: '127.0.0.1' }),
    });
  const nodeUrl = (name: keyof typeof ports) => `http://127.0.0.1:${ports[name]}`;
  const healthy = (name: keyof typeof ports) => async () => {
    processes.mustRun(name);
    return (await call(nodeUrl(name), 'GET', '/health', '', undefined, 2000)).status === 200 ? true : undefined;
  };
  const nodeStart = Date.now();
  for (const name of ['n1', 'n2', 'n3'] as const) startNode(name);
  for (const name of ['n1', 'n2', 'n3'] as const) await waitFor(`node ${name}`, healthy(name), 120_000, 200);
  const nodesUpSeconds = (Date.now() - nodeStart) / 1000;

  const proxyPort = await freePort();
  const statsSocket = join(dir, 'haproxy.sock');
  const proxyLog = join(dir, 'haproxy.log');
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, clusterProxyConfig(join(root, 'deploy/haproxy.cfg'), { port: proxyPort, statsSocket, servers: Object.entries(ports) }));
  processes.start('haproxy', 'haproxy', ['-f', cfg, '-db'], proxyLog);
  const proxy = `http://127.0.0.1:${proxyPort}`;
  // Three nodes in rotation: three answers from three different nodes.
  await waitFor('the proxy to route to n1, n2 and n3', async () => {
    processes.mustRun('haproxy');
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await call(proxy, 'GET', '/health', '', undefined, 2000);
      if (r.status === 200 && r.node) seen.add(r.node);
    }
    return seen.size === 3 ? true : undefined;
  }, 30_000, 300);
  // n4 is in the configuration from the start, as a spare slot: out of rotation until it answers its checks.
  await waitFor('the proxy to mark n4 down', async () => ((await serverStats(statsSocket, 'crosscheck_nodes', 'n4'))?.status?.startsWith('DOWN') ? true : undefined), 30_000, 200);
  const proxyBetween = (from: number, to: number) => proxyLogBetween(readFileSync(proxyLog, 'utf8'), from, to);
  report('setup', {
    postgres: { primaryPort: primary.port, replicaPort: replica.port },
    nodes: 3,
    nodesUpSeconds,
    workersFlag: workersFlag.length > 0,
    proxyPort,
    setupSeconds: (Date.now() - setupStart) / 1000,
    rates,
  });

  // Replication lag as the primary sees it, sampled every second under load.
  const lagSamples: { at: number; bytes: number; replayMs: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const [row] = await primary.sql<{ bytes: string | null; ms: number | null }>('postgres', 'select pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint as bytes, extract(epoch from replay_lag) * 1000 as ms from pg_stat_replication');
        if (row) lagSamples.push({ at: Date.now(), bytes: Number(row.bytes ?? 0), replayMs: Number(row.ms ?? 0) });
      } catch {
        // A sample lost to the connection cut is a sample lost.
      }
      await sleep(1000);
    }
  })();
  const lagBetween = (from: number, to: number) => {
    const of = lagSamples.filter((s) => s.at >= from && s.at < to);
    return { samples: of.length, maxBytes: Math.max(0, ...of.map((s) => s.bytes)), maxReplayMs: Math.round(Math.max(0, ...of.map((s) => s.replayMs))) };
  };
  const alive = () => Object.fromEntries((['n1', 'n2', 'n3', 'n4'] as const).filter((n) => processes.get(n)).map((n) => [n, processes.alive(n)]));

  // ---- steady
  const runId = `CL${Date.now().toString(36).toUpperCase().slice(-5)}`;
  load = new Load({ base: proxy, screenKey, bureauKey, ...rates, maxInFlight: 200 }, runId);
  const loadStart = Date.now();
  load.start();
  await sleep(phaseMs);
  const killAt = Date.now();
  report('steady', { ...summarise(load.outcomes, loadStart, killAt), skipped: { ...load.skipped }, proxy: proxyBetween(loadStart, killAt), replication: lagBetween(loadStart, killAt) });

  // ---- node-killed
  processes.crash('n2');
  await sleep(phaseMs);
  const cutAt = Date.now();
  const killWindow = summarise(load.outcomes, killAt, cutAt);
  // The proxy's own count of what went wrong with the killed node: requests it had sent there
  // that got no answer, and those it moved to another node.
  const killed = await serverStats(statsSocket, 'crosscheck_nodes', 'n2');
  const killedNode = killed && { status: killed.status, noAnswer: Number(killed.eresp), abortedByNode: Number(killed.srv_abrt), retries: Number(killed.wretr), redispatched: Number(killed.wredis) };
  // When the failures of the phase ended, after the kill: all at once means all were in flight on
  // the killed node (a request sent after it died is moved to another node, not failed).
  const failedAfterKill = load.outcomes.filter((o) => o.end >= killAt && o.end < cutAt && (o.status === 0 || o.status >= 500)).map((o) => o.end - killAt);
  const failuresEndedMsAfterKill = failedAfterKill.length === 0 ? null : { first: Math.min(...failedAfterKill), last: Math.max(...failedAfterKill) };
  report('node-killed', { ...killWindow, failuresEndedMsAfterKill, killedNode, alive: alive(), proxy: proxyBetween(killAt, cutAt), replication: lagBetween(killAt, cutAt) });
  const readErrorsAfterKill = killWindow.byKind.read!.n - killWindow.byKind.read!.ok;

  // ---- connections-cut
  const terminated = await primary.sql('postgres', 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', ['crosscheck']);
  await sleep(phaseMs);
  const joinAt = Date.now();
  const survivorsHealth: Record<string, number> = {};
  for (const n of ['n1', 'n3'] as const) survivorsHealth[n] = await call(nodeUrl(n), 'GET', '/health', '', undefined, 2000).then((r) => r.status, () => 0);
  const cutWindow = summarise(load.outcomes, cutAt, joinAt);
  report('connections-cut', { terminatedConnections: terminated.length, ...cutWindow, alive: alive(), survivorsHealth, proxy: proxyBetween(cutAt, joinAt), replication: lagBetween(cutAt, joinAt) });
  const readErrorsAfterCut = cutWindow.byKind.read!.n - cutWindow.byKind.read!.ok;
  check(processes.alive('n1') && processes.alive('n3'), 'a node died when PostgreSQL cut its connections');
  check(survivorsHealth.n1 === 200 && survivorsHealth.n3 === 200, 'a node did not serve /health after PostgreSQL cut its connections');

  // ---- join: an alert created just before the fourth node starts; how long until it finds it
  const number = load.newDocumentNumber();
  const created = await call(proxy, 'POST', '/api/v1/alerts', bureauKey, documentAlert(number));
  if (created.status !== 201) throw new Error(`creating the join alert: ${created.status} ${JSON.stringify(created.body)}`);
  const joinAlert = (created.body as { id: string }).id;
  const joinStart = Date.now();
  startNode('n4');
  let joinScreenings: string[] = [];
  const finds = (alertId: string, documentNumber: string) => async () => {
    processes.mustRun('n4');
    const r = await call(nodeUrl('n4'), 'POST', '/api/v1/screen', screenKey, { documents: [{ number: documentNumber, issuingState: 'FRA' }] }, 5000);
    if (r.status !== 200) return undefined;
    const body = r.body as { screeningId: string; hits: { alertId: string }[] };
    joinScreenings.push(body.screeningId);
    return body.hits.some((h) => h.alertId === alertId) ? true : undefined;
  };
  // Both measured from the start of the process: finding the alert on n4 itself, and the proxy's checks putting it in rotation.
  const [joinMs, inRotationMs] = await Promise.all([
    waitFor('n4 to find the alert created before it started', finds(joinAlert, number), JOIN_LIMIT_MS, 100).then(() => Date.now() - joinStart),
    waitFor('the proxy to put n4 in rotation', async () => ((await serverStats(statsSocket, 'crosscheck_nodes', 'n4'))?.status === 'UP' ? true : undefined), JOIN_LIMIT_MS, 100).then(() => Date.now() - joinStart),
  ]);
  // Published through another node after n4 started: found on n4 at once (it reads the feed's head first).
  const later = load.newDocumentNumber();
  const laterAlert = await call(nodeUrl('n1'), 'POST', '/api/v1/alerts', bureauKey, documentAlert(later));
  const foundAtOnce = laterAlert.status === 201 && (await finds((laterAlert.body as { id: string }).id, later)()) === true;
  await sleep(Math.min(phaseMs, 5000));
  const loadEnd = Date.now();
  await load.stop();
  sampling = false;
  await sampler;
  report('join', {
    joinSeconds: joinMs / 1000,
    inProxyRotationSeconds: inRotationMs / 1000,
    foundAlertPublishedElsewhereAtOnce: foundAtOnce,
    ...summarise(load.outcomes, joinAt, loadEnd),
    alive: alive(),
    proxy: proxyBetween(joinAt, loadEnd),
  });
  check(joinMs < JOIN_LIMIT_MS, 'the fourth node took a minute or more to join');
  check(foundAtOnce, 'the fourth node did not find an alert published through another node');

  // ---- checks, on a database nothing writes to any more: the nodes' scheduled work (feeds,
  // reminders, checkpoints) would otherwise go on writing after the replica's target is taken.
  await processes.stopAll();
  await waitFor('the nodes\' database sessions to end', async () => {
    const [row] = await primary.sql<{ n: string }>('postgres', "select count(*) as n from pg_stat_activity where datname = 'crosscheck' and backend_type = 'client backend'");
    return Number(row!.n) === 0 ? true : undefined;
  }, 30_000, 100);
  const totals = summarise(load.outcomes, loadStart, loadEnd + 1);
  const ok = load.outcomes.filter((o) => o.id !== null);
  const ackedAlerts = [...ok.filter((o) => o.kind === 'alert').map((o) => o.id!), joinAlert, ...(laterAlert.status === 201 ? [(laterAlert.body as { id: string }).id] : [])];
  const ackedScreenings = [...ok.filter((o) => o.kind === 'screen').map((o) => o.id!), ...joinScreenings];
  const ackedHits = ok.flatMap((o) => o.hitIds);
  const count = async (table: string, ids: string[]) => Number((await primary.sql<{ n: string }>('crosscheck', `select count(*) as n from ${table} where id = any($1)`, [ids]))[0]!.n);
  const stored = { alerts: await count('alerts', ackedAlerts), screenings: await count('screenings', ackedScreenings), hits: await count('hits', ackedHits) };
  const duplicateHits = await primary.sql('crosscheck', 'select screening_id, alert_id, count(*) as n from hits group by screening_id, alert_id having count(*) > 1');
  const twiceRun = await primary.sql('crosscheck', "select query::jsonb->>'id' as query_id, count(*) as n from screenings where query::jsonb ? 'id' group by 1 having count(*) > 1");
  // Screenings that failed at the client but committed: the request whose answer was lost.
  const failedScreens = load.outcomes.filter((o) => o.kind === 'screen' && o.id === null && o.queryId);
  const committed = new Set((await primary.sql<{ q: string }>('crosscheck', "select query::jsonb->>'id' as q from screenings where query::jsonb->>'id' = any($1)", [failedScreens.map((o) => o.queryId!)])).map((r) => r.q));
  const committedUnanswered: Record<string, number> = {};
  for (const o of failedScreens) if (committed.has(o.queryId!)) committedUnanswered[`${o.status} ${o.error}`] = (committedUnanswered[`${o.status} ${o.error}`] ?? 0) + 1;

  // The replica: replays everything the primary has once the nodes stopped, and holds the same rows.
  const [{ lsn }] = (await primary.sql<{ lsn: string }>('postgres', 'select pg_current_wal_lsn()::text as lsn')) as [{ lsn: string }];
  const catchUpStart = Date.now();
  const caughtUp = await waitFor('the replica to replay the primary', async () => ((await replica.sql<{ done: boolean }>('postgres', 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]))[0]?.done ? true : undefined), 60_000, 100).then(
    () => true,
    () => false,
  );
  const catchUpMs = Date.now() - catchUpStart;
  const rows = async (s: OwnPostgres) => (await s.sql<{ n: string }>('crosscheck', 'select (select count(*) from screenings) + (select count(*) from hits) + (select count(*) from alerts) + (select count(*) from audit_log) as n'))[0]!.n;
  const sameRows = (await rows(primary)) === (await rows(replica));
  // The trail verifies on both; on the replica, as an operator would run it (docs/deploy.md).
  const verify = spawnSync(process.execPath, [cli, 'audit', 'verify'], { env: env(), encoding: 'utf8' });
  const verifyOnReplica = spawnSync(process.execPath, [cli, 'audit', 'verify'], { env: { ...env(), DATABASE_URL: replica.url }, encoding: 'utf8' });

  // What the nodes themselves logged as errors, by message: the server side of the client's failures.
  const nodeErrors: Record<string, number> = {};
  for (const name of Object.keys(ports)) {
    for (const line of readFileSync(join(dir, `${name}.log`), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 50) continue;
      const key = `${name}: ${entry.msg ?? ''}${entry.err?.message ? ` (${entry.err.message})` : ''}`.slice(0, 160);
      nodeErrors[key] = (nodeErrors[key] ?? 0) + 1;
    }
  }

  check(stored.alerts === ackedAlerts.length, `acknowledged alerts lost: ${ackedAlerts.length - stored.alerts}`);
  check(stored.screenings === ackedScreenings.length, `acknowledged screenings lost: ${ackedScreenings.length - stored.screenings}`);
  check(stored.hits === ackedHits.length, `acknowledged hits lost: ${ackedHits.length - stored.hits}`);
  check(duplicateHits.length === 0, `hits recorded twice: ${duplicateHits.length}`);
  check(twiceRun.length === 0, `screenings run twice: ${twiceRun.length}`);
  check(verify.status === 0, `audit verify failed: ${verify.stderr.trim()}`);
  check(verifyOnReplica.status === 0, `audit verify failed on the replica: ${verifyOnReplica.stderr.trim()}`);
  check(caughtUp && sameRows, 'the replica did not catch up');
  check(readErrorsAfterKill === 0, `alert reads failed while a node was killed: ${readErrorsAfterKill}`);
  check(readErrorsAfterCut === 0, `alert reads failed while the database's connections were cut: ${readErrorsAfterCut}`);
  report('checks', {
    total: totals,
    acknowledged: { alerts: ackedAlerts.length, screenings: ackedScreenings.length, hits: ackedHits.length },
    stored,
    duplicateHits: duplicateHits.length,
    screeningsRunTwice: twiceRun.length,
    failedScreeningsThatCommitted: { n: committed.size, of: failedScreens.length, byError: committedUnanswered },
    auditVerify: { exit: verify.status, out: verify.stdout.trim().split('\n').slice(-2).join(' ') },
    auditVerifyOnReplica: { exit: verifyOnReplica.status, out: `${verifyOnReplica.stdout}${verifyOnReplica.stderr}`.trim().split('\n').slice(-2).join(' ') },
    proxy: proxyBetween(loadStart, Date.now()),
    nodeErrors,
    replica: { caughtUp, catchUpMs, sameRows },
    failures,
  });
} catch (error) {
  failures.push((error as Error).message);
  report('error', { message: (error as Error).message });
} finally {
  await cleanUp();
}
process.exit(failures.length === 0 ? 0 : 1);
