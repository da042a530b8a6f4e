/**
 * How every page reads from the API: one small state machine per read, with no React in it (the
 * hook in use-resource.ts only subscribes to it), so its rules are tested as plain TypeScript.
 *
 * - A read is named by a key (`alert:<id>`, `stats:30`). A new key aborts the request of the old
 *   one, and an answer that arrives for a key no longer wanted is dropped, so a slow answer for
 *   the previous period or alert never overwrites the current one.
 * - Leaving the page (dispose) aborts the request in flight.
 * - What was read last under a key is kept in a small cache: coming back to a list shows it at
 *   once, marked stale, while it is read again. The cache is emptied when the user signs out, so
 *   nothing read by one user is ever shown to the next on the same browser.
 * - A failure keeps what was shown before (marked stale) and remembers the request, so "try
 *   again" repeats exactly that request: the first read, a reload, or the next page.
 */

/** Reads the key; `shown` is what is on screen meanwhile (a live list re-reads as many rows as it shows). */
export type Fetcher<T> = (signal: AbortSignal, shown: T | undefined) => Promise<T>;
/** Reads more (the next page) and returns the whole new value built from the current one. */
export type Extender<T> = (current: T, signal: AbortSignal) => Promise<T>;

export interface ResourceState<T> {
  /** The data shown: the last answer for this key, or (while it is read again) an older one. */
  data: T | undefined;
  /** A request under way: the read of the key, or more of it (next page). */
  pending: 'load' | 'more' | null;
  /** Why the last request failed; null once another one starts or succeeds. */
  error: unknown;
  /** The data shown is not the answer to the latest read: from the cache, of the previous key, or a read since failed. */
  stale: boolean;
}

export interface ResourceOptions {
  /** While a new key loads, keep showing the previous key's data (marked stale) instead of nothing. */
  keepPrevious?: boolean;
  /** Neither show nor keep cached data: for reads that must be current before anything is done with them (an edit form). */
  cache?: boolean;
}

const IDLE: ResourceState<never> = { data: undefined, pending: null, error: null, stale: false };

/** The last answer per key, the oldest forgotten beyond `limit` keys. */
export class ResourceCache {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly limit = 50) {}

  get(key: string): { data: unknown } | undefined {
    return this.entries.has(key) ? { data: this.entries.get(key) } : undefined;
  }

  set(key: string, data: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, data);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /**
   * Forgets the keys that start with `prefix`, after a change made here that they no longer show:
   * the next visit waits for a fresh read instead of showing what the change replaced.
   */
  forget(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Forgets everything: on sign-out, so the next user of the browser sees none of it. */
  clear(): void {
    this.entries.clear();
  }
}

/** The app's one cache (the shell clears it when the session ends). */
export const resourceCache = new ResourceCache();

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export class Resource<T> {
  private state: ResourceState<T> = IDLE;
  private key: string | null = null;
  private fetcher: Fetcher<T> | null = null;
  private inFlight: AbortController | null = null;
  /** The request that failed last, repeated by retry(). */
  private failed: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly cache: ResourceCache = resourceCache,
    private readonly options: ResourceOptions = {},
  ) {}

  getState = (): ResourceState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** The key currently read, or null when idle. */
  get currentKey(): string | null {
    return this.key;
  }

  /**
   * Reads `key` with `fetcher`, unless it is already the key being read (then only the fetcher is
   * kept for later reloads). A null key stops everything and forgets the data.
   */
  setKey(key: string | null, fetcher: Fetcher<T>): void {
    this.fetcher = fetcher;
    if (key === this.key) return;
    this.abort();
    this.key = key;
    this.failed = null;
    if (key === null) return this.set(IDLE);
    const cached = this.options.cache === false ? undefined : this.cache.get(key);
    if (cached) this.set({ data: cached.data as T, pending: null, error: null, stale: true });
    else if (this.options.keepPrevious && this.state.data !== undefined) this.set({ ...this.state, error: null, stale: true });
    else this.set(IDLE);
    this.load();
  }

  /** Reads the key again; what is shown stays until the answer comes. */
  load(): void {
    const fetcher = this.fetcher;
    if (this.key === null || !fetcher) return;
    const shown = this.state.data;
    this.run('load', (signal) => fetcher(signal, shown), () => this.load());
  }

  /** Reads more of the key (the next page) from the current data; nothing when there is no data yet. */
  more(extend: Extender<T>): void {
    const current = this.state.data;
    if (this.key === null || current === undefined) return;
    this.run('more', (signal) => extend(current, signal), () => this.more(extend));
  }

  /** Repeats the request that failed last. */
  retry(): void {
    const again = this.failed;
    if (again) again();
    else this.load();
  }

  /** A change made here and confirmed by the server (a decision, a form sent), shown without a read. */
  mutate(change: (data: T) => T): void {
    if (this.key === null || this.state.data === undefined) return;
    const data = change(this.state.data);
    if (this.options.cache !== false) this.cache.set(this.key, data);
    this.set({ ...this.state, data });
  }

  /** Leaving: the request in flight is aborted and the key forgotten (a later setKey reads again). */
  dispose(): void {
    this.abort();
    this.key = null;
    this.failed = null;
  }

  private run(pending: 'load' | 'more', request: (signal: AbortSignal) => Promise<T>, again: () => void): void {
    this.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const key = this.key!;
    this.failed = null;
    this.set({ ...this.state, pending, error: null });
    request(controller.signal).then(
      (data) => {
        if (this.inFlight !== controller) return;
        this.inFlight = null;
        if (this.options.cache !== false) this.cache.set(key, data);
        this.set({ data, pending: null, error: null, stale: false });
      },
      (error: unknown) => {
        if (this.inFlight !== controller) return;
        this.inFlight = null;
        if (controller.signal.aborted || isAbort(error)) return this.set({ ...this.state, pending: null });
        this.failed = again;
        // A failed "more" leaves the rows shown current; a failed read leaves them unconfirmed.
        this.set({ ...this.state, pending: null, error, stale: this.state.data !== undefined && (pending === 'load' || this.state.stale) });
      },
    );
  }

  private abort(): void {
    const controller = this.inFlight;
    this.inFlight = null;
    controller?.abort();
    if (controller && this.state.pending) this.set({ ...this.state, pending: null });
  }

  private set(state: ResourceState<T>): void {
    this.state = state;
    for (const l of [...this.listeners]) l();
  }
}
