import { useEffect, useMemo, useState } from 'react';
import type { HitEventData } from '../../api/hits.ts';

export type HitEventType = 'hit.created' | 'hit.updated';
export type HitEventListener = (type: HitEventType, data: HitEventData) => void;

export interface HitStream {
  /** Whether the stream is open; EventSource reconnects by itself (with Last-Event-ID) when not. */
  live: boolean;
  /** Listens to hit events until the returned function is called. */
  subscribe: (listener: HitEventListener) => () => void;
}

/**
 * One event stream for the whole hits page, shared by the list and the thread: the server allows
 * a few streams per session, and switching between list and thread must not reopen it.
 */
export function useHitStream(): HitStream {
  const [live, setLive] = useState(false);
  // The listeners live outside React state: an event must reach whoever listens at that moment.
  const listeners = useMemo(() => new Set<HitEventListener>(), []);

  useEffect(() => {
    // EventSource sends the same-origin session cookie.
    const source = new EventSource('/api/v1/events');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    const relay = (type: HitEventType) => (e: MessageEvent<string>) => {
      let data: HitEventData;
      try {
        data = JSON.parse(e.data) as HitEventData;
      } catch {
        return;
      }
      for (const l of [...listeners]) l(type, data);
    };
    source.addEventListener('hit.created', relay('hit.created'));
    source.addEventListener('hit.updated', relay('hit.updated'));
    // A hit found after the fact on a traveller this member screened is new in its inbox too.
    source.addEventListener('hit.retroactive', relay('hit.created'));
    // The carrier's own bureau is told of its carrier's referrals: a new hit in its inbox too.
    source.addEventListener('hit.carrier-check', relay('hit.created'));
    return () => source.close();
  }, [listeners]);

  const subscribe = useMemo(
    () => (listener: HitEventListener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    [listeners],
  );
  return useMemo(() => ({ live, subscribe }), [live, subscribe]);
}

/** Re-renders every `ms` so that deadlines turn overdue on screen without any event. */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
