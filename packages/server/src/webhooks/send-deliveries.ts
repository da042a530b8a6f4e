import { claimDelivery, dueDeliveries, markAttemptFailed, markDelivered } from '../store/webhook-repo.js';
import { postOnce } from '../outbound/post-once.js';
import { OutboundRefused, type Resolve } from '../outbound/pinned-lookup.js';
import { signPayload } from './signature.js';
import type { StoreDeps } from '../store/store-deps.js';

/** The worker writes through the store and asks one setting: whether private destinations are allowed. */
export type WebhookDeps = StoreDeps & { webhooks: { allowPrivate: boolean } };

export interface SendOptions {
  /** Delay after the first failed attempt; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts a delivery is given up (`failed`). */
  maxAttempts: number;
  timeoutMs: number;
  /** Most deliveries sent at once per round. */
  batchSize: number;
  /** How receivers' names are resolved; the system resolver unless a test gives its own. */
  resolve?: Resolve;
}

/** The wait after the `attempts`-th failed attempt: base × 2^(attempts−1), capped. */
export function backoffMs(attempts: number, o: Pick<SendOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(o.baseDelayMs * 2 ** Math.max(0, attempts - 1), o.maxDelayMs);
}

/** Sends the deliveries whose time has come; returns how many attempts were made. */
export async function sendDueDeliveries(deps: WebhookDeps, o: SendOptions): Promise<number> {
  const due = await dueDeliveries(deps.db, deps.clock().toISOString(), o.batchSize);
  const made = await Promise.all(due.map((d) => attempt(deps, { ...d, attempts: Number(d.attempts) }, o)));
  return made.filter(Boolean).length;
}

interface Due {
  id: string;
  type: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

async function attempt(deps: WebhookDeps, d: Due, o: SendOptions): Promise<boolean> {
  // Long enough for the request to finish; if this process dies meanwhile, another sends it again.
  const leaseUntil = new Date(deps.clock().getTime() + o.timeoutMs + 30_000).toISOString();
  if (!(await claimDelivery(deps.db, d.id, d.attempts, leaseUntil))) return false;
  const attempts = d.attempts + 1;
  let status: number | null = null;
  let error: string;
  try {
    status = await postOnce(
      d.url,
      {
        'content-type': 'application/json',
        'x-crosscheck-event': d.type,
        'x-crosscheck-delivery': d.id,
        'x-crosscheck-signature': signPayload(d.secret, d.body, deps.clock().getTime() / 1000),
      },
      d.body,
      { allowPrivate: deps.webhooks.allowPrivate, timeoutMs: o.timeoutMs, ...(o.resolve ? { resolve: o.resolve } : {}) },
    );
    if (status >= 200 && status < 300) {
      await markDelivered(deps.db, d.id, status, deps.clock().toISOString());
      return true;
    }
    error = `HTTP ${status}`;
  } catch (err) {
    error = describeFailure(err, o.timeoutMs);
  }
  const next = attempts >= o.maxAttempts ? null : new Date(deps.clock().getTime() + backoffMs(attempts, o)).toISOString();
  await markAttemptFailed(deps.db, d.id, attempts, status, error, next);
  return true;
}

/** A short reason for the log that never repeats the URL (it may carry the receiver's token). */
function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof OutboundRefused) return err.message;
  const e = err as { name?: string; code?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return `network error ${e.code}`;
  return 'network error';
}
