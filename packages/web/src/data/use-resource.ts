import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Resource, resourceCache, type Extender, type Fetcher, type ResourceOptions, type ResourceState } from './resource.ts';

export interface ResourceHandle<T> extends ResourceState<T> {
  /** idle: no key; loading: nothing to show yet; failed: nothing to show and the read failed; ready: data to show. */
  status: 'idle' | 'loading' | 'failed' | 'ready';
  reload: () => void;
  retry: () => void;
  more: (extend: Extender<T>) => void;
  mutate: (change: (data: T) => T) => void;
}

/**
 * Reads `key` with `fetcher` (given an AbortSignal to pass to the API call) for as long as the
 * component shows it; a null key reads nothing. See resource.ts for what the states mean.
 */
export function useResource<T>(key: string | null, fetcher: Fetcher<T>, options: ResourceOptions = {}): ResourceHandle<T> {
  const [resource] = useState(() => new Resource<T>(resourceCache, options));
  // The latest fetcher (it closes over the page's current filters), without re-reading on each render.
  const latest = useRef(fetcher);
  latest.current = fetcher;
  const state = useSyncExternalStore(resource.subscribe, resource.getState);

  useEffect(() => {
    resource.setKey(key, (signal, shown) => latest.current(signal, shown));
  }, [resource, key]);
  useEffect(() => () => resource.dispose(), [resource]);

  // Stable across renders, so pages may pass them to memoised children and effects.
  const actions = useMemo(
    () => ({
      reload: () => resource.load(),
      retry: () => resource.retry(),
      more: (extend: Extender<T>) => resource.more(extend),
      mutate: (change: (data: T) => T) => resource.mutate(change),
    }),
    [resource],
  );
  const status = key === null ? 'idle' : state.data !== undefined ? 'ready' : state.error !== null && state.pending === null ? 'failed' : 'loading';
  return { ...state, status, ...actions };
}
