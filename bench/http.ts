/**
 * The HTTP server under load, in a process of its own (`crosscheck serve`), as in production:
 * every screening stored and audited, the UN list imported first when ../shared/testdata has it.
 * Prints JSON lines, each figure beside `GET /health` measured in the same run:
 *
 * - `http.capacity`: closed loop with `wrk` (C connections, one generator thread): screenings
 *   and audited reads (a missing alert: a key check, one look-up, an audit entry) per second
 *   against `GET /health` per second, and the share of the machine's CPU the generator itself
 *   used (it runs on the same cores as the server, so a high share means the server's figures
 *   are held down by it).
 * - `http.latency-half-capacity`: open loop at half the screening capacity just measured,
 *   `GET /health` at the same rate as the baseline. Debian's wrk can only run a closed loop
 *   (each connection waits for its answer, and its Lua `delay()` has no clock to pace
 *   against), and autocannon's `overallRate` is no open loop either: each connection sends back
 *   to back until its quota for the second is spent, then waits for the next second, so the
 *   load comes in bursts at full speed. `paced` below sends on a fixed schedule and counts each
 *   latency from when the request was due (its own lateness included, which the baseline
 *   measures too).
 * - `http.workers-scaling`: screening capacity with `crosscheck serve --workers N`.
 * - `--soak` (PostgreSQL, DATABASE_URL): two workers at half capacity for `--minutes` (10);
 *   errors, p99 of the first and the last minute, the server processes' memory at start and end.
 *
 *   node packages/server/bin/run-ts.js bench/http.ts [--seconds 10] [--connections 16]
 *        [--workers 1,2] [--soak [--minutes 10]] [--cli <other checkout>/packages/server/bin/crosscheck.js]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const luaScript = join(root, 'bench/wrk/request.lua');
const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// Another checkout's server (its bin/crosscheck.js) may be measured with this same generator,
// to compare two versions in the same time window on a shared machine.
const cli = resolve(option('cli') ?? join(root, 'packages/server/bin/crosscheck.js'));
const seconds = Number(option('seconds') ?? 10);
const connections = Number(option('connections') ?? 16);
const workersList = (option('workers') ?? '1,2').split(',').map(Number);
const soak = process.argv.includes('--soak');
const minutes = Number(option('minutes') ?? 10);
const cores = availableParallelism();

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-http-bench-'));
const bodyFile = join(dir, 'screen.json');
writeFileSync(bodyFile, JSON.stringify({ person: { names: ['Muammar Gaddafi'], birthDate: '1942', nationality: 'LY' }, documents: [{ number: '12AB34567', issuingState: 'FRA' }] }));
const MISSING_ALERT = '/api/v1/alerts/00000000-0000-4000-8000-000000000000';
// The per-credential rates would refuse a benchmark's one key long before the server is full.
const serverEnv = { LOG_LEVEL: 'warn', CROSSCHECK_RATE_SCREEN_PER_MINUTE: '100000000', CROSSCHECK_RATE_WRITE_PER_MINUTE: '100000000' };

/** A database with the UN list and a frontline key: a SQLite file, or a fresh schema on DATABASE_URL. */
async function prepareDatabase(engine: 'sqlite' | 'postgres'): Promise<{ target: string; key: string; drop(): Promise<void> }> {
  let target = join(dir, 'bench.db');
  let drop = async () => undefined;
  if (engine === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('--soak runs on PostgreSQL: set DATABASE_URL');
    const schema = `bench_http_${process.pid}`;
    const url = new URL(base);
    url.searchParams.set('schema', schema);
    target = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    };
  }
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args, '--db', target], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    if (r.status !== 0) throw new Error(`crosscheck ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  run(['db', 'migrate']);
  const unList = join(root, '../shared/testdata/screening/UN_consolidated.xml');
  if (existsSync(unList)) run(['import', 'un-sc', unList]);
  const key = run(['keys', 'create', '--member', 'FRA', '--role', 'frontline']).trim().split('\n').pop()!;
  return { target, key, drop };
}

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });

/**
 * Waits for the server to answer a screening: the first loads the screening index, which under
 * a loaded machine takes seconds and would otherwise be counted in whatever is measured next.
 * With several workers each loads its own, so a few are sent.
 */
async function screeningReady(url: string, key: string, workers: number): Promise<void> {
  for (let i = 0; i < 3 * workers; i++) {
    const r = await fetch(`${url}/api/v1/screen`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: readFileSync(bodyFile, 'utf8') });
    if (r.status !== 200) throw new Error(`a screening was answered ${r.status}: ${await r.text()}`);
  }
}

/**
 * Waits until the server's processes are idle (under 5% of a core over a second), at most five
 * minutes: after the UN list is imported, a starting server links the new alerts' shared
 * identities in the background (links/link-follower.ts), which takes a core for a while and
 * would otherwise be counted against whatever is measured first.
 */
async function settled(pid: number): Promise<void> {
  const until = performance.now() + 300_000;
  while (performance.now() < until) {
    const before = treeCpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 1000));
    if (treeCpuSeconds(pid) - before < 0.05) return;
  }
  console.error('the server was still busy after five minutes; measuring anyway');
}

/**
 * `crosscheck serve --workers N` (without the option on a build that has none, where it is one),
 * resolved once `/health` answers. The option is always passed: without it the server runs one
 * worker per core.
 */
async function startServer(target: string, workers: number): Promise<{ url: string; server: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const args = [cli, 'serve', '--port', String(port), '--db', target, ...(hasWorkers ? ['--workers', String(workers)] : [])];
  const server = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: '', ...serverEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((res) => server.on('exit', (code) => res(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(r, 100, 'running'))]);
    if (early !== 'running') throw new Error(`crosscheck serve ${args.slice(2).join(' ')} exited with ${early}`);
    if (waited > 60_000) throw new Error('crosscheck serve did not answer /health within a minute');
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
  }
  return {
    url,
    server,
    stop: async () => {
      server.kill('SIGTERM');
      await exited;
    },
  };
}

interface WrkResult {
  /** Answers with the expected status. */
  answers: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  byStatus: Record<string, number>;
  /** The generator's CPU time over the run's wall time on every core. */
  generatorCpuShare: number;
}

/**
 * Closed loop: `wrk` on one thread for `secs`; answers other than `expect` (200) count as
 * errors, not throughput. Its CPU time is read from bash's `times` for its
 * children once it has exited, so the whole run is counted.
 */
function wrk(url: string, secs: number, request: { method?: 'GET' | 'POST'; key?: string; body?: string; expect?: number }): WrkResult {
  const started = performance.now();
  const r = spawnSync('bash', ['-c', 'wrk "$@" && times', 'wrk', '-t1', `-c${connections}`, `-d${secs}s`, '--timeout', '10s', '-s', luaScript, url], {
    encoding: 'utf8',
    env: { ...process.env, WRK_METHOD: request.method ?? 'GET', WRK_KEY: request.key ?? '', WRK_BODY_FILE: request.body ?? '' },
  });
  const wall = (performance.now() - started) / 1000;
  const line = /^WRK_JSON (.*)$/m.exec(r.stdout);
  if (r.status !== 0 || !line) throw new Error(`wrk ${url}: ${r.stderr || r.stdout}`);
  const out = JSON.parse(line[1]!) as { requests: number; seconds: number; socketErrors: number; p50Us: number; p99Us: number; byStatus: Record<string, number> };
  // `times` prints the shell's own user and system time, then its children's: "0m1.234s 0m0.567s".
  const children = r.stdout.trim().split('\n').at(-1)!.match(/(\d+)m([\d.]+)s/g)!.map((t) => {
    const [, m, s] = /(\d+)m([\d.]+)s/.exec(t)!;
    return Number(m) * 60 + Number(s);
  });
  const cpu = children.reduce((a, b) => a + b, 0);
  const ok = out.byStatus[String(request.expect ?? 200)] ?? 0;
  return {
    answers: ok,
    rps: Math.round(ok / out.seconds),
    p50Ms: out.p50Us / 1000,
    p99Ms: out.p99Us / 1000,
    errors: out.socketErrors + (out.requests - ok),
    byStatus: out.byStatus,
    generatorCpuShare: Number((cpu / (wall * cores)).toFixed(3)),
  };
}

/**
 * Open loop: requests sent on a fixed schedule, `rate` a second, each on a free keep-alive
 * connection (as many as needed), whatever became of the ones before; each one's latency is
 * counted from when the schedule said to send it, so a server falling behind (or a generator
 * sending late) shows in the figures instead of slowing the load. Exact percentiles from every
 * answer.
 */
async function paced(url: string, secs: number, rate: number, request: { method?: 'GET' | 'POST'; key?: string; body?: string }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const body = request.body ? readFileSync(request.body) : undefined;
  const headers = { ...(request.key ? { authorization: `Bearer ${request.key}` } : {}), ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) };
  const total = Math.max(1, Math.round(secs * rate));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await new Promise<void>((done) => {
    let sent = 0;
    let settledCount = 0;
    const settle = () => {
      if (++settledCount === total) done();
    };
    const send = (due: number) => {
      const req = http.request(url, { method: request.method ?? 'GET', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else errors++;
          settle();
        });
      });
      req.on('error', () => {
        errors++;
        settle();
      });
      req.end(body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) send(start + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(2));
  return { rps: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}

const screenRequest = (key: string) => ({ method: 'POST' as const, key, body: bodyFile });
const ratio = (a: number, b: number) => Number((a / Math.max(b, 1e-9)).toFixed(3));

/** A process and its descendants (the workers), each read from /proc and summed. */
function sumOverTree(pid: number, read: (pid: number) => number): number {
  let sum = 0;
  const visit = (p: number) => {
    try {
      sum += read(p);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const kid of kids ? kids.split(/\s+/) : []) visit(Number(kid));
      }
    } catch {
      // The process has gone meanwhile: it holds nothing.
    }
  };
  visit(pid);
  return sum;
}

/** Resident memory of the server's processes, in MB. */
const treeRssMb = (pid: number): number => Math.round(sumOverTree(pid, (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)) / 1024);

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
/** CPU seconds (user and system) the server's processes have used so far. */
const treeCpuSeconds = (pid: number): number =>
  sumOverTree(pid, (p) => {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }) / ticksPerSecond;

/**
 * `wrk` against the server, with the server's own CPU time per answer: on a machine shared with
 * other work, throughput moves with their load, CPU per request much less so.
 */
function measured(server: ChildProcess, url: string, secs: number, request: Parameters<typeof wrk>[2]) {
  const before = treeCpuSeconds(server.pid!);
  const result = wrk(url, secs, request);
  const cpu = treeCpuSeconds(server.pid!) - before;
  return { ...result, serverCpuUs: Math.round((cpu * 1e6) / Math.max(1, result.answers)) };
}

const serveHasWorkers = () => spawnSync(process.execPath, [cli, 'serve', '--help'], { encoding: 'utf8' }).stdout.includes('--workers');
const hasWorkers = serveHasWorkers();

async function mainRun(): Promise<void> {
  const db = await prepareDatabase('sqlite');
  const first = workersList[0] ?? 1;
  const s = await startServer(db.target, first);
  let halfRate = 0;
  try {
    await screeningReady(s.url, db.key, first);
    await settled(s.server.pid!);
    wrk(`${s.url}/api/v1/screen`, 2, screenRequest(db.key)); // warm-up: JIT, caches
    wrk(`${s.url}/health`, 2, {});
    const health = measured(s.server, `${s.url}/health`, seconds, {});
    const screen = measured(s.server, `${s.url}/api/v1/screen`, seconds, screenRequest(db.key));
    const read = measured(s.server, `${s.url}${MISSING_ALERT}`, seconds, { key: db.key, expect: 404 });
    if (screen.errors > 0 || read.errors > 0) console.error(`answers other than expected: screen ${JSON.stringify(screen.byStatus)}, read ${JSON.stringify(read.byStatus)}`);
    console.log(
      JSON.stringify({
        bench: 'http.capacity',
        workers: first,
        connections,
        screenRps: screen.rps,
        baseline: 'GET /health',
        baselineRps: health.rps,
        ratio: ratio(screen.rps, health.rps),
        auditedReadRps: read.rps,
        auditedReadRatio: ratio(read.rps, health.rps),
        screenP99Ms: screen.p99Ms,
        // The server's CPU per answer, beside /health's: the capacity a quiet core would give.
        screenCpuUs: screen.serverCpuUs,
        auditedReadCpuUs: read.serverCpuUs,
        baselineCpuUs: health.serverCpuUs,
        errors: screen.errors + read.errors + health.errors,
        generatorCpuShare: Math.max(health.generatorCpuShare, screen.generatorCpuShare, read.generatorCpuShare),
      }),
    );
    halfRate = Math.max(1, Math.round(screen.rps / 2));
    const screenPaced = await paced(`${s.url}/api/v1/screen`, seconds, halfRate, screenRequest(db.key));
    const healthPaced = await paced(`${s.url}/health`, seconds, halfRate, {});
    console.log(
      JSON.stringify({
        bench: 'http.latency-half-capacity',
        generator: 'open loop (fixed schedule, node:http)',
        rate: halfRate,
        achievedRps: Math.round(screenPaced.rps),
        p50Ms: screenPaced.p50Ms,
        p99Ms: screenPaced.p99Ms,
        errors: screenPaced.errors,
        baseline: `GET /health at ${halfRate}/s`,
        baselineP99Ms: healthPaced.p99Ms,
        ratio: ratio(screenPaced.p99Ms, healthPaced.p99Ms),
      }),
    );
  } finally {
    await s.stop();
  }

  const counts = workersList.length > 1 || first > 1 ? workersList : [];
  if (counts.length > 0) {
    if (counts.some((n) => n > 1) && !hasWorkers) {
      console.log(JSON.stringify({ bench: 'http.workers-scaling', workers: counts, skipped: 'crosscheck serve has no --workers option' }));
    } else {
      const rps: number[] = [];
      for (const n of counts) {
        const w = await startServer(db.target, n);
        try {
          await screeningReady(w.url, db.key, n);
          await settled(w.server.pid!);
          wrk(`${w.url}/api/v1/screen`, 2, screenRequest(db.key));
          rps.push(wrk(`${w.url}/api/v1/screen`, seconds, screenRequest(db.key)).rps);
        } finally {
          await w.stop();
        }
      }
      console.log(JSON.stringify({ bench: 'http.workers-scaling', workers: counts, rps, baseline: `${counts[0]} worker(s)`, ratio: ratio(rps.at(-1)!, rps[0]!) }));
    }
  }
  await db.drop();
}

async function soakRun(): Promise<void> {
  const db = await prepareDatabase('postgres');
  const workers = hasWorkers ? 2 : 1;
  const s = await startServer(db.target, workers);
  try {
    await screeningReady(s.url, db.key, workers);
    await settled(s.server.pid!);
    wrk(`${s.url}/api/v1/screen`, 2, screenRequest(db.key));
    const capacity = wrk(`${s.url}/api/v1/screen`, seconds, screenRequest(db.key));
    const rate = Math.max(1, Math.round(capacity.rps / 2));
    const rssStartMb = treeRssMb(s.server.pid!);
    let errors = 0;
    const p99: number[] = [];
    for (let m = 0; m < minutes; m++) {
      const r = await paced(`${s.url}/api/v1/screen`, 60, rate, screenRequest(db.key));
      errors += r.errors;
      p99.push(r.p99Ms);
    }
    console.log(
      JSON.stringify({
        bench: 'soak',
        engine: 'postgres',
        workers,
        minutes,
        rate,
        errors,
        p99FirstMinuteMs: p99[0],
        p99LastMinuteMs: p99.at(-1),
        p99ByMinuteMs: p99,
        rssStartMb,
        rssEndMb: treeRssMb(s.server.pid!),
      }),
    );
  } finally {
    await s.stop();
    await db.drop();
  }
}

try {
  if (soak) await soakRun();
  else await mainRun();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
