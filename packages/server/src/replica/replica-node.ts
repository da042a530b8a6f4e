import { randomBytes, randomUUID } from 'node:crypto';
import type { Deps } from '../app/deps.js';
import { nowIso } from '../app/deps.js';
import { auditHead, createReplicaState, readReplicaState, screeningsWithHits, unforwardedAudit, updateReplicaState, type ReplicaState } from '../store/replica-state-repo.js';
import { applyBatch } from './apply-batch.js';
import { checkAck, checkBatch, keyIdOf, MAX_BATCH_ITEMS, requestDigest } from '../app/replica/signed-batch.js';

export interface ReplicaOptions {
  /** The centre's base URL, e.g. https://crosscheck.example.org */
  from: string;
  /** This copy's `replica` API key on the centre. */
  key: string;
  /** The centre's public key (SPKI PEM), when known in advance. */
  centralKey?: string;
  /** Without `centralKey`: pin whatever key the centre gives at first contact. */
  trustOnFirstUse?: boolean;
  batchLimit?: number;
  /** How long to wait between polls once caught up. */
  pollMs?: number;
  log?: (message: string) => void;
}

export const MAX_FORWARD_ITEMS = 500;
/** Bytes of one forward request, kept below the centre's limit (4 MiB). */
export const MAX_FORWARD_BYTES = 2 * 1024 * 1024;
/** Screenings and hits of one forward request, all items together: the centre's limits (forward.ts). */
export const MAX_FORWARD_SCREENINGS = 2000;
export const MAX_FORWARD_HITS = 5000;
const MAX_BACKOFF_MS = 10_000;

export interface ReplicaStatus {
  centre: string;
  member: string | null;
  /** The highest centre change seq applied here. */
  appliedTo: number;
  /** The centre's head at last contact; `behind` = centreHead - appliedTo. */
  centreHead: number;
  behind: number;
  lastContactAt: string | null;
  /** Local audit entries (with their screenings' hits) not yet acknowledged by the centre. */
  outbox: number;
  centralKeyId: string | null;
  /**
   * Set when sync stopped for good: a changed centre key (until restarted), or a centre whose feed
   * is not the one this copy followed (kept across restarts: the copy must be rebuilt).
   */
  stopped: string | null;
  lastError: string | null;
  /** Forwarded hits the centre did not record since this process started (alert withdrawn or gone there). */
  hitsRefused: number;
}

/** An error answer of the centre, with its problem code when it gave one. */
class CentreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The addresses where plain http is acceptable: the same machine (tests, a local proxy). */
export function isLoopback(url: URL): boolean {
  const h = url.hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** A random value for one request, echoed in what the centre signs back. */
const newNonce = (): string => randomBytes(18).toString('base64url');

/**
 * A national copy's link to the centre: pulls signed batches and applies them, and forwards
 * the local audit trail (with each screening's hits) until the centre acknowledges it. Two
 * loops, each retrying with backoff on its own, so a long catch-up never delays forwarding;
 * the local server keeps serving whatever happens to either.
 */
export class ReplicaNode {
  private running = false;
  private stoppedFor: string | null = null;
  private lastError: string | null = null;
  private hitsRefused = 0;
  /** Set by the first batch verified in this run: nothing is forwarded before the centre proved itself. */
  private verifiedPull = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void)[] = [];
  private readonly base: string;

  constructor(
    private readonly deps: Deps,
    private readonly o: ReplicaOptions,
  ) {
    this.base = o.from.replace(/\/+$/, '');
  }

  /** Creates or checks the local state row; refuses a database that follows another centre. */
  async prepare(): Promise<void> {
    // The replica key and the travellers' queries in the outbox go to this address: over plain
    // http anyone on the way could read them or answer in the centre's place.
    const url = new URL(this.base);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw new Error(`the centre must be reached over https (plain http only on this machine): ${this.base}`);
    await createReplicaState(this.deps.db, { instance: randomUUID(), centreUrl: this.base });
    const state = (await readReplicaState(this.deps.db))!;
    if (state.centre_url !== this.base) throw new Error(`this database is a copy of ${state.centre_url}, not of ${this.base}: use another --db`);
    if (state.stopped !== null) {
      this.stoppedFor = state.stopped;
      this.o.log?.(`replica: SYNC STOPPED (since an earlier run): ${state.stopped}`);
    }
    if (this.o.centralKey !== undefined) {
      const id = keyIdOf(this.o.centralKey);
      if (state.central_key_id !== null && state.central_key_id !== id) {
        throw new Error(`--central-key (${id}) is not the key this copy pinned (${state.central_key_id}); if the centre's key really changed, start a new copy with a new --db`);
      }
      if (state.central_key_id === null) await updateReplicaState(this.deps.db, { central_key: this.o.centralKey, central_key_id: id });
    } else if (state.central_key === null && this.o.trustOnFirstUse !== true) {
      throw new Error("no centre key pinned yet: give --central-key PEM (the centre's GET /api/v1/replica/key) or --trust-on-first-use");
    }
  }

  start(): void {
    this.running = true;
    this.loops = [this.loop('sync', () => this.pullOnce()), this.loop('forward', () => this.forwardOnce())];
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const w of this.wake.splice(0)) w();
    await Promise.all(this.loops);
  }

  async status(): Promise<ReplicaStatus> {
    const s = (await readReplicaState(this.deps.db))!;
    const head = await auditHead(this.deps.db);
    return {
      centre: s.centre_url,
      member: s.member,
      appliedTo: s.applied_to,
      centreHead: s.centre_head,
      behind: Math.max(0, s.centre_head - s.applied_to),
      lastContactAt: s.last_contact_at,
      outbox: Math.max(0, head - s.forwarded_audit_seq),
      centralKeyId: s.central_key_id,
      stopped: this.stoppedFor ?? s.stopped,
      lastError: this.lastError,
      hitsRefused: this.hitsRefused,
    };
  }

  /** Stops both loops; `persist` keeps the reason across restarts (the copy must be rebuilt). */
  private async stopSync(reason: string, persist: boolean): Promise<void> {
    this.stoppedFor = reason;
    this.o.log?.(`replica: SYNC STOPPED: ${reason}`);
    if (persist) await updateReplicaState(this.deps.db, { stopped: reason });
  }

  /**
   * Runs `step` until stopped. `step` answers whether there is more to do at once; an error
   * waits with exponential backoff (250 ms doubling to 10 s), a success resets it.
   */
  private async loop(name: string, step: () => Promise<boolean>): Promise<void> {
    let backoff = 250;
    while (this.running && this.stoppedFor === null) {
      let wait = this.o.pollMs ?? 250;
      try {
        if (await step()) wait = 0;
        backoff = 250;
        if (this.lastError?.startsWith(`${name}:`)) this.lastError = null;
      } catch (error) {
        this.lastError = `${name}: ${error instanceof Error ? error.message : String(error)}`;
        this.o.log?.(`replica ${this.lastError}; retrying in ${backoff} ms`);
        wait = backoff;
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
      if (wait > 0) await this.sleep(wait);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wake = self.wake.filter((w) => w !== done);
        resolve();
      }
      this.wake.push(done);
    });
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.o.key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) {
      let why = text.slice(0, 300);
      let code: string | null = null;
      try {
        const p = JSON.parse(text) as { detail?: string; code?: string };
        why = `${p.code ?? ''} ${p.detail ?? ''}`.trim() || why;
        code = typeof p.code === 'string' ? p.code : null;
      } catch {
        // Not a problem document (a proxy's page): its first bytes say enough.
      }
      throw new CentreError(res.status, code, `${method} ${path.split('?')[0]}: ${res.status} ${why}`);
    }
    return JSON.parse(text) as unknown;
  }

  private async pinnedKey(state: ReplicaState): Promise<{ publicKeyPem: string; keyId: string }> {
    if (state.central_key !== null && state.central_key_id !== null) return { publicKeyPem: state.central_key, keyId: state.central_key_id };
    // Trust on first use: the first key the centre shows is kept, and no other is accepted after.
    const k = (await this.call('GET', '/api/v1/replica/key')) as { publicKey?: unknown };
    if (typeof k.publicKey !== 'string') throw new Error("the centre's /api/v1/replica/key gave no publicKey");
    const keyId = keyIdOf(k.publicKey);
    await updateReplicaState(this.deps.db, { central_key: k.publicKey, central_key_id: keyId });
    this.o.log?.(`replica: pinned the centre's key ${keyId} (trust on first use)`);
    return { publicKeyPem: k.publicKey, keyId };
  }

  /** Pulls and applies one batch; true when the centre has more. */
  private async pullOnce(): Promise<boolean> {
    const state = (await readReplicaState(this.deps.db))!;
    const pin = await this.pinnedKey(state);
    const limit = Math.min(this.o.batchLimit ?? MAX_BATCH_ITEMS, MAX_BATCH_ITEMS);
    const nonce = newNonce();
    let raw: unknown;
    try {
      raw = await this.call('GET', `/api/v1/replica/batch?after=${state.applied_to}&limit=${limit}&nonce=${nonce}`);
    } catch (error) {
      if (error instanceof CentreError && error.code === 'replica.ahead') await this.confirmAhead(state, pin);
      throw error;
    }
    const checked = checkBatch(raw, { ...pin, appliedTo: state.applied_to, member: state.member, nonce, now: this.deps.clock().getTime(), appliedMark: state.applied_mark });
    if (checked.problem) {
      const { code, message } = checked.problem;
      // A signed, fresh batch that says the feed was rewritten is the centre's own word: for good.
      if (code === 'batch.diverged') await this.stopSync(message, true);
      if (code === 'batch.key-changed' || code === 'batch.other-member') await this.stopSync(message, false);
      throw new Error(`${code}: ${message}`);
    }
    this.verifiedPull = true;
    const batch = checked.batch;
    await applyBatch(this.deps, batch, nowIso(this.deps));
    return batch.to < batch.head;
  }

  /**
   * The centre says this copy is ahead of its feed. A bare 409 is no proof (anything on the way
   * can send one), so the copy asks for a signed batch from 0 with a fresh nonce: if its signed
   * head is below what this copy applied, the centre lost changes the copy holds (restored from an
   * older backup) and numbers will be reused for other changes. Sync stops for good.
   */
  private async confirmAhead(state: ReplicaState, pin: { publicKeyPem: string; keyId: string }): Promise<void> {
    const nonce = newNonce();
    const raw = await this.call('GET', `/api/v1/replica/batch?after=0&limit=1&nonce=${nonce}`);
    const checked = checkBatch(raw, { ...pin, appliedTo: 0, member: state.member, nonce, now: this.deps.clock().getTime() });
    if (checked.problem) throw new Error(`${checked.problem.code}: ${checked.problem.message}`);
    if (checked.batch.head < state.applied_to) {
      await this.stopSync(
        `the centre's feed ends at change ${checked.batch.head}, but this copy applied up to ${state.applied_to}: the centre was restored from an older backup and its feed is not the one this copy followed. Sync stopped; rebuild this copy from a new --db (entries not yet forwarded stay in this database)`,
        true,
      );
    }
  }

  /** Forwards the oldest unacknowledged local audit entries; true when more are waiting. */
  private async forwardOnce(): Promise<boolean> {
    // Travellers' queries go only to a centre that signed a batch with the pinned key in this run.
    if (!this.verifiedPull) return false;
    const state = (await readReplicaState(this.deps.db))!;
    const pin = await this.pinnedKey(state);
    const rows = await unforwardedAudit(this.deps.db, state.forwarded_audit_seq, MAX_FORWARD_ITEMS);
    if (rows.length === 0) return false;
    const screeningIds = new Map(rows.map((r) => [Number(r.seq), r.screeningIds]));
    const screenings = await screeningsWithHits(this.deps.db, [...screeningIds.values()].flat());
    const items: unknown[] = [];
    let bytes = 80;
    let screeningCount = 0;
    let hitCount = 0;
    let last = state.forwarded_audit_seq;
    for (const r of rows) {
      const found = (screeningIds.get(Number(r.seq)) ?? []).flatMap((id) => {
        const sc = screenings.get(id);
        return sc && sc.hits.length > 0 ? [{ at: sc.at, query: sc.query, hits: sc.hits }] : [];
      });
      const item = {
        id: `${state.instance}:${Number(r.seq)}`,
        entry: { seq: Number(r.seq), at: r.at, member: r.member, role: r.role, credential: r.credential, action: r.action, target: r.target, requestId: r.request_id, outcome: r.outcome, detail: r.detail, prevHash: r.prev_hash, hash: r.hash },
        ...(found.length > 0 ? { screenings: found } : {}),
      };
      const size = Buffer.byteLength(JSON.stringify(item)) + 1;
      const hitsHere = found.reduce((n, sc) => n + sc.hits.length, 0);
      if (items.length > 0 && (bytes + size > MAX_FORWARD_BYTES || screeningCount + found.length > MAX_FORWARD_SCREENINGS || hitCount + hitsHere > MAX_FORWARD_HITS)) break;
      items.push(item);
      bytes += size;
      screeningCount += found.length;
      hitCount += hitsHere;
      last = Number(r.seq);
    }
    const body = { items, nonce: newNonce() };
    const answer = await this.call('POST', '/api/v1/replica/forward', body);
    // Moving the outbox on drops these entries here for good: only the centre's signature over
    // this very request, naming exactly these ids, may do that.
    const ids = items.map((i) => (i as { id: string }).id);
    const refused = checkAck(answer, { publicKeyPem: pin.publicKeyPem, request: requestDigest(body), ids, now: this.deps.clock().getTime() });
    if (refused !== null) throw new Error(`the answer to the forward of ${items.length} items was not accepted: ${refused}`);
    const lost = (answer as { hitsRefused: number }).hitsRefused;
    if (lost > 0) {
      this.hitsRefused += lost;
      this.o.log?.(`replica: the centre did not record ${lost} forwarded hit(s): their alerts are withdrawn from or unknown to this member there`);
    }
    // Only now: if the answer was lost, the same ids go again and the centre says it had them.
    await updateReplicaState(this.deps.db, { forwarded_audit_seq: last, last_contact_at: nowIso(this.deps) });
    return items.length < rows.length || rows.length === MAX_FORWARD_ITEMS;
  }
}
