import { eventsAfter } from '../store/event-repo.js';
import type { StoreDeps } from '../store/store-deps.js';
import type { EventBus } from './event-bus.js';

/** The stream reads the events table and listens to this process's bus. */
export type EventStreamDeps = Pick<StoreDeps, 'db'> & { bus: EventBus };

export interface EventStreamOptions {
  /** How often the table is read for events written by other processes. */
  pollMs: number;
  heartbeatMs: number;
  /** Most events read per wake-up, so a long backlog never sits in memory at once. */
  pageSize: number;
  /** How often an open stream checks that its key or session, user and member are still valid. */
  recheckMs: number;
}

export const DEFAULT_STREAM_OPTIONS: EventStreamOptions = { pollMs: 250, heartbeatMs: 15_000, pageSize: 500, recheckMs: 2_000 };

/** Where the stream's text goes: `write` returns false when the client is not keeping up. */
export interface StreamSink {
  write(chunk: string): boolean;
  /** Resolves when the client has taken what was written, or has gone. */
  drained(): Promise<void>;
}

/** One event in `text/event-stream` form; `data` is one line of JSON (JSON.stringify never breaks lines). */
export function formatEvent(row: { seq: number; type: string; data: Record<string, unknown>; at: string }): string {
  const data = { ...row.data, at: row.at };
  return `id: ${row.seq}\nevent: ${row.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Sends `member`'s events after `after` to `sink` until the returned function is called: at once
 * when this process's bus says events were committed, and on a timer for other processes' events.
 */
export function followEvents(deps: EventStreamDeps, member: string, after: number, sink: StreamSink, onError: (err: unknown) => void, options: EventStreamOptions = DEFAULT_STREAM_OPTIONS): () => void {
  let cursor = after;
  let stopped = false;
  let running = false;
  let again = false;

  const pump = async (): Promise<void> => {
    // One reader at a time: a wake-up during a read is remembered and served by the running loop.
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const rows = await eventsAfter(deps.db, member, cursor, options.pageSize);
        for (const row of rows) {
          if (stopped) return;
          cursor = Number(row.seq);
          if (!sink.write(formatEvent(row))) await sink.drained();
        }
        if (rows.length === options.pageSize) again = true;
      } while (again && !stopped);
    } catch (err) {
      if (!stopped) onError(err);
    } finally {
      running = false;
    }
  };

  const wake = (): void => void pump();
  const unsubscribe = deps.bus.subscribe(wake);
  const poll = setInterval(wake, options.pollMs);
  const heartbeat = setInterval(() => {
    if (!stopped) sink.write(': heartbeat\n\n');
  }, options.heartbeatMs);
  wake();

  return () => {
    stopped = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    unsubscribe();
  };
}
