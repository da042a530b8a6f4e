import { readFileSync } from 'node:fs';

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
    '    log-format "node=%s retries=%rc status=%ST method=%HM uri=%HU term=%tsc"',
    '    http-after-response set-header X-Node %s',
    '    default_backend crosscheck_nodes',
    'backend crosscheck_nodes',
    ...backend.filter((l) => !/^\s*server\s/.test(l)),
    ...o.servers.map(([name, port]) => `    server ${name} 127.0.0.1:${port}`),
    '',
  ].join('\n');
}

/** What the proxy's log says about retries: requests retried, by method and final status. */
export function retriesInLog(log: string): { retried: number; byMethodAndStatus: Record<string, number> } {
  const byMethodAndStatus: Record<string, number> = {};
  let retried = 0;
  for (const m of log.matchAll(/node=(\S+) retries=\+?(\d+) status=(\d+) method=(\S+)/g)) {
    if (Number(m[2]) === 0) continue;
    retried++;
    const key = `${m[4]} ${m[3]}`;
    byMethodAndStatus[key] = (byMethodAndStatus[key] ?? 0) + 1;
  }
  return { retried, byMethodAndStatus };
}
