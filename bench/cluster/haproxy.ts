import { readFileSync } from 'node:fs';
import { connect } from 'node:net';

/** The sections of an HAProxy configuration: header line → its lines (comments and blank lines dropped). */
function sections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (/^\S/.test(line)) out.set(line.trim(), (current = []));
    else current?.push(line.trimEnd());
  }
  return out;
}

/**
 * The proxy of the cluster test: the `defaults` and the backend of deploy/haproxy.cfg as they are
 * (so the health checks and the retry policy tested are the ones deployed), with a global section
 * and a frontend for this machine (plain HTTP on a local port, each request logged with the node
 * that served it and its retries) and the nodes' local addresses as the servers.
 */
export function clusterProxyConfig(deployed: string, o: { port: number; statsSocket: string; servers: [string, number][] }): string {
  const parts = sections(readFileSync(deployed, 'utf8'));
  const defaults = parts.get('defaults');
  const backend = parts.get('backend crosscheck_nodes');
  if (!defaults || !backend) throw new Error(`${deployed} lacks a defaults section or backend crosscheck_nodes`);
  return [
    'global',
    '    maxconn 4096',
    '    log stdout format raw local0',
    `    stats socket ${o.statsSocket} mode 600 level admin`,
    'defaults',
    ...defaults,
    'frontend crosscheck',
    `    bind 127.0.0.1:${o.port}`,
    '    option forwardfor',
    '    log-format "at=%Ts%ms tt=%Tt node=%s retries=%rc status=%ST method=%HM term=%tsc"',
    '    http-after-response set-header X-Node %s',
    '    default_backend crosscheck_nodes',
    'backend crosscheck_nodes',
    ...backend.filter((l) => !/^\s*server\s/.test(l)),
    ...o.servers.map(([name, port]) => `    server ${name} 127.0.0.1:${port}`),
    '',
  ].join('\n');
}

/**
 * What the proxy's log says about the requests it finished between two instants: those it retried
 * (by method and final status) and those that ended abnormally (by method, status and HAProxy's
 * termination state, e.g. `SH--`: the server closed before its headers).
 */
export function proxyLogBetween(log: string, from: number, to: number): { retried: Record<string, number>; abnormal: Record<string, number> } {
  const retried: Record<string, number> = {};
  const abnormal: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  for (const m of log.matchAll(/at=(\d+) tt=(-?\d+) node=(\S+) retries=(\+?)(\d+) status=(-?\d+) method=(\S+) term=(\S+)/g)) {
    const [, at, took, node, redispatched, retries, status, method, term] = m;
    const end = Number(at) + Number(took);
    if (end < from || end >= to) continue;
    if (Number(retries) > 0) add(retried, `${method} ${status}${redispatched ? ' redispatched' : ''}`);
    if (!term!.startsWith('--')) add(abnormal, `${method} ${status} ${term} on ${node}`);
  }
  return { retried, abnormal };
}

/**
 * A server's line of the proxy's statistics, through its stats socket, by column name: `status`
 * (`UP`, `DOWN`, `UP 1/2`… as the health checks see it), `eresp` (requests that got no valid
 * answer), `srv_abrt` (transfers the server aborted), `wretr` and `wredis` (retries and
 * redispatches away from it)…
 */
export function serverStats(socket: string, backend: string, server: string): Promise<Record<string, string> | undefined> {
  return new Promise((resolve, reject) => {
    const conn = connect(socket);
    let text = '';
    conn.on('data', (d: Buffer) => (text += d.toString()));
    conn.on('error', reject);
    conn.on('end', () => {
      const [header, ...rows] = text.split('\n');
      const columns = (header ?? '').replace(/^# /, '').split(',');
      const row = rows.map((r) => r.split(',')).find((r) => r[0] === backend && r[1] === server);
      resolve(row ? Object.fromEntries(columns.map((c, i) => [c, row[i] ?? ''])) : undefined);
    });
    conn.end('show stat\n');
  });
}
