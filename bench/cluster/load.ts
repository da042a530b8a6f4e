import { Agent, request } from 'node:http';

export type Kind = 'screen' | 'alert' | 'read';

/** One request as the client saw it. `status` 0: no HTTP answer at all (a socket error). */
export interface Outcome {
  kind: Kind;
  start: number;
  end: number;
  status: number;
  /** The node that answered, per the proxy's `X-Node` header (absent on a socket error). */
  node: string | null;
  error: string | null;
  /** What an acknowledged write created: the alert's or the screening's id. */
  id: string | null;
  /** The hits the screening's answer named (their hitIds). */
  hitIds: string[];
  /** The screening's own query id: two screenings with one query id would be one request run twice. */
  queryId: string | null;
}

export interface Reply {
  status: number;
  node: string | null;
  body: unknown;
}

/**
 * Keep-alive connections, as a border system's client holds them; at most 64 at once, beyond which
 * requests wait here (their latency, as reported, includes that wait).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function call(base: string, method: string, path: string, key: string, body?: unknown, timeoutMs = 20_000): Promise<Reply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, agent, timeout: timeoutMs, headers: { authorization: `Bearer ${key}`, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // HAProxy's own error pages are HTML: kept as text.
          }
          resolve({ status: res.statusCode ?? 0, node: (res.headers['x-node'] as string | undefined) ?? null, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface LoadOptions {
  base: string;
  screenKey: string;
  bureauKey: string;
  screensPerSecond: number;
  alertsPerSecond: number;
  readsPerSecond: number;
  /**
   * Screenings not yet answered beyond which new ones are skipped (and counted): an open loop
   * with a ceiling. Alert creations and reads have a ceiling of their own, a tenth of it, so that
   * a backlog of screenings does not starve them.
   */
  maxInFlight: number;
}

/**
 * An open-loop load: screenings of documents (most of them of alerts created during the run, so
 * they record hits), alert creations and alert reads, each kind at its own rate whatever the
 * answers' latency, through one keep-alive agent. Every outcome is kept for the checks.
 */
export class Load {
  readonly outcomes: Outcome[] = [];
  readonly skipped: Record<Kind, number> = { screen: 0, alert: 0, read: 0 };
  private readonly inFlight: Record<Kind, number> = { screen: 0, alert: 0, read: 0 };
  private timer: NodeJS.Timeout | null = null;
  private readonly pending = new Set<Promise<void>>();
  private readonly documentNumbers: string[] = [];
  private readonly alertIds: string[] = [];
  private sequence = 0;

  constructor(
    private readonly o: LoadOptions,
    private readonly runId: string,
  ) {}

  start(): void {
    const began = Date.now();
    const issued: Record<Kind, number> = { screen: 0, alert: 0, read: 0 };
    const rates: Record<Kind, number> = { screen: this.o.screensPerSecond, alert: this.o.alertsPerSecond, read: this.o.readsPerSecond };
    const ceiling: Record<Kind, number> = { screen: this.o.maxInFlight, alert: Math.ceil(this.o.maxInFlight / 10), read: Math.ceil(this.o.maxInFlight / 10) };
    this.timer = setInterval(() => {
      const elapsed = (Date.now() - began) / 1000;
      for (const kind of ['screen', 'alert', 'read'] as Kind[]) {
        const due = Math.floor(elapsed * rates[kind]);
        while (issued[kind] < due) {
          issued[kind]++;
          if (this.inFlight[kind] >= ceiling[kind]) this.skipped[kind]++;
          else this.fire(kind);
        }
      }
    }, 5);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.pending]);
  }

  /** A document number of this run that nothing has used yet (the run id keeps runs apart). */
  newDocumentNumber(): string {
    return `${this.runId}${String(++this.sequence).padStart(6, '0')}`;
  }

  private fire(kind: Kind): void {
    this.inFlight[kind]++;
    const p = this.one(kind).finally(() => {
      this.inFlight[kind]--;
      this.pending.delete(p);
    });
    this.pending.add(p);
  }

  private async one(kind: Kind): Promise<void> {
    const start = Date.now();
    const outcome: Outcome = { kind, start, end: start, status: 0, node: null, error: null, id: null, hitIds: [], queryId: null };
    let number: string | null = null;
    try {
      let reply: Reply;
      if (kind === 'alert') {
        number = this.newDocumentNumber();
        reply = await call(this.o.base, 'POST', '/api/v1/alerts', this.o.bureauKey, documentAlert(number));
        if (reply.status === 201) outcome.id = (reply.body as { id: string }).id;
      } else if (kind === 'read') {
        const id = this.alertIds[Math.floor(Math.random() * this.alertIds.length)];
        reply = id === undefined ? await call(this.o.base, 'GET', '/health', this.o.screenKey) : await call(this.o.base, 'GET', `/api/v1/alerts/${id}`, this.o.screenKey);
      } else {
        // Three in four screenings are of a document with an alert, so most record a hit.
        const known = this.documentNumbers.length > 0 && Math.random() < 0.75;
        const screened = known ? this.documentNumbers[Math.floor(Math.random() * this.documentNumbers.length)]! : `${this.runId}X${Math.floor(Math.random() * 1e6)}`;
        outcome.queryId = `${this.runId}-q${++this.sequence}`;
        reply = await call(this.o.base, 'POST', '/api/v1/screen', this.o.screenKey, { id: outcome.queryId, documents: [{ number: screened, issuingState: 'FRA' }] });
        if (reply.status === 200) {
          const body = reply.body as { screeningId: string; hits: { hitId?: string }[] };
          outcome.id = body.screeningId;
          outcome.hitIds = body.hits.flatMap((h) => (h.hitId ? [h.hitId] : []));
        }
      }
      outcome.status = reply.status;
      outcome.node = reply.node;
      if (reply.status >= 400) outcome.error = problemOf(reply.body);
    } catch (error) {
      outcome.error = (error as Error).message;
    }
    outcome.end = Date.now();
    if (kind === 'alert' && outcome.id !== null && number !== null) {
      this.alertIds.push(outcome.id);
      this.documentNumbers.push(number);
    }
    this.outcomes.push(outcome);
  }
}

export const documentAlert = (number: string) => ({
  kind: 'document',
  document: { issuingState: 'FRA', type: 'passport', number, status: 'stolen-issued' },
  visibility: { mode: 'all' },
});

function problemOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'code' in body) return String((body as { code: unknown }).code);
  return String(body).replace(/\s+/g, ' ').slice(0, 80);
}

/**
 * Counts of the outcomes that ended between two instants (when the client learnt them: a request
 * in flight on a node as it died fails at that moment), by kind and answer.
 */
export function summarise(outcomes: readonly Outcome[], from: number, to: number) {
  const inWindow = outcomes.filter((o) => o.end >= from && o.end < to);
  const byKind: Record<string, { n: number; ok: number; errors: Record<string, number>; p50Ms: number; p99Ms: number }> = {};
  for (const kind of ['screen', 'alert', 'read'] as Kind[]) {
    const of = inWindow.filter((o) => o.kind === kind);
    const latencies = of.filter((o) => o.status > 0 && o.status < 400).map((o) => o.end - o.start).sort((a, b) => a - b);
    const errors: Record<string, number> = {};
    for (const o of of) if (o.status === 0 || o.status >= 400) errors[`${o.status} ${o.error ?? ''}`.trim()] = (errors[`${o.status} ${o.error ?? ''}`.trim()] ?? 0) + 1;
    byKind[kind] = { n: of.length, ok: of.length - Object.values(errors).reduce((a, b) => a + b, 0), errors, p50Ms: pct(latencies, 0.5), p99Ms: pct(latencies, 0.99) };
  }
  const seconds = Math.max((to - from) / 1000, 0.001);
  const byNode: Record<string, number> = {};
  for (const o of inWindow) if (o.node) byNode[o.node] = (byNode[o.node] ?? 0) + 1;
  return { seconds: Number(seconds.toFixed(1)), requestsPerSecond: Math.round(inWindow.length / seconds), byKind, byNode };
}

const pct = (sorted: number[], q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
