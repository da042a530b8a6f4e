import { describe, expect, it } from 'vitest';
import { Resource, ResourceCache } from './resource.ts';

/** A request the test answers by hand, recording whether the resource aborted it. */
interface Call<T> {
  key: string;
  signal: AbortSignal;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function server<T>() {
  const calls: Call<T>[] = [];
  const fetcherFor = (key: string) => (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ key, signal, resolve, reject });
      // As fetch does: an aborted request rejects with an AbortError.
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { calls, fetcherFor, last: () => calls[calls.length - 1]! };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a resource (one read of the API, as every page uses it)', () => {
  it('loads, then holds the answer as current', async () => {
    const api = server<string[]>();
    const r = new Resource<string[]>(new ResourceCache());
    r.setKey('alerts', api.fetcherFor('alerts'));
    expect(r.getState()).toMatchObject({ data: undefined, pending: 'load', error: null });
    api.last().resolve(['a1']);
    await settle();
    expect(r.getState()).toEqual({ data: ['a1'], pending: null, error: null, stale: false });
  });

  it('aborts the request of a key no longer wanted, and never shows its late answer', async () => {
    const api = server<string>();
    const r = new Resource<string>(new ResourceCache());
    r.setKey('stats:7', api.fetcherFor('stats:7'));
    const first = api.last();
    r.setKey('stats:30', api.fetcherFor('stats:30'));
    expect(first.signal.aborted).toBe(true);
    // The answer for 30 days comes first; the one for 7 days, if a server sent it anyway, is dropped.
    api.last().resolve('thirty');
    first.resolve('seven');
    await settle();
    expect(r.getState().data).toBe('thirty');
  });

  it('aborts the request in flight when the page is left', () => {
    const api = server<string>();
    const r = new Resource<string>(new ResourceCache());
    r.setKey('hit:1', api.fetcherFor('hit:1'));
    r.dispose();
    expect(api.last().signal.aborted).toBe(true);
    expect(r.getState().pending).toBe(null);
  });

  it('reports a failure, and retry reads again until it succeeds', async () => {
    const api = server<string>();
    const r = new Resource<string>(new ResourceCache());
    r.setKey('queue', api.fetcherFor('queue'));
    const refused = new Error('503');
    api.last().reject(refused);
    await settle();
    expect(r.getState()).toEqual({ data: undefined, pending: null, error: refused, stale: false });
    r.retry();
    expect(api.calls).toHaveLength(2);
    expect(r.getState()).toMatchObject({ pending: 'load', error: null });
    api.last().resolve('two waiting');
    await settle();
    expect(r.getState()).toEqual({ data: 'two waiting', pending: null, error: null, stale: false });
  });

  it('keeps what was shown when a reload fails, marked stale, and fresh again after a retry', async () => {
    const api = server<number>();
    const r = new Resource<number>(new ResourceCache());
    r.setKey('stats', api.fetcherFor('stats'));
    api.last().resolve(1);
    await settle();
    r.load();
    expect(r.getState()).toMatchObject({ data: 1, pending: 'load', stale: false });
    api.last().reject(new Error('down'));
    await settle();
    expect(r.getState()).toMatchObject({ data: 1, pending: null, stale: true });
    r.retry();
    api.last().resolve(2);
    await settle();
    expect(r.getState()).toEqual({ data: 2, pending: null, error: null, stale: false });
  });

  it('shows the last answer for a key at once when the page comes back, stale until read again', async () => {
    const cache = new ResourceCache();
    const api = server<string>();
    const list = new Resource<string>(cache);
    list.setKey('alerts?kind=person', api.fetcherFor('alerts'));
    api.last().resolve('old rows');
    await settle();
    list.dispose();

    const again = new Resource<string>(cache);
    again.setKey('alerts?kind=person', api.fetcherFor('alerts'));
    expect(again.getState()).toMatchObject({ data: 'old rows', pending: 'load', stale: true });
    api.last().resolve('new rows');
    await settle();
    expect(again.getState()).toMatchObject({ data: 'new rows', stale: false });
  });

  it('shows nothing cached once the cache is cleared (sign-out), nor when told not to use it', async () => {
    const cache = new ResourceCache();
    const api = server<string>();
    const first = new Resource<string>(cache);
    first.setKey('alert:1', api.fetcherFor('alert:1'));
    api.last().resolve('body');
    await settle();

    const editor = new Resource<string>(cache, { cache: false });
    editor.setKey('alert:1', api.fetcherFor('alert:1'));
    expect(editor.getState().data).toBeUndefined();

    cache.clear();
    const next = new Resource<string>(cache);
    next.setKey('alert:1', api.fetcherFor('alert:1'));
    expect(next.getState().data).toBeUndefined();
  });

  it('keeps the previous key’s data on screen while a new key loads, when asked to', async () => {
    const api = server<string>();
    const r = new Resource<string>(new ResourceCache(), { keepPrevious: true });
    r.setKey('stats:30', api.fetcherFor('stats:30'));
    api.last().resolve('thirty');
    await settle();
    r.setKey('stats:90', api.fetcherFor('stats:90'));
    expect(r.getState()).toMatchObject({ data: 'thirty', pending: 'load', stale: true });
  });

  it('adds the next page, and a failed next page is retried as the next page, not as a first read', async () => {
    const api = server<string[]>();
    const r = new Resource<string[]>(new ResourceCache());
    r.setKey('audit', api.fetcherFor('audit'));
    api.last().resolve(['e1']);
    await settle();
    const pages: string[] = [];
    const nextPage = (current: string[], signal: AbortSignal) => {
      pages.push(`after ${current.length}`);
      return api.fetcherFor('audit+')(signal).then((more) => [...current, ...more]);
    };
    r.more(nextPage);
    expect(r.getState()).toMatchObject({ data: ['e1'], pending: 'more' });
    api.last().reject(new Error('down'));
    await settle();
    // The rows shown are still current: only the next page is missing.
    expect(r.getState()).toMatchObject({ data: ['e1'], pending: null, stale: false });
    r.retry();
    expect(api.last().key).toBe('audit+');
    api.last().resolve(['e2']);
    await settle();
    expect(r.getState().data).toEqual(['e1', 'e2']);
    expect(pages).toEqual(['after 1', 'after 1']);
  });

  it('shows a confirmed change at once and remembers it for the next visit', async () => {
    const cache = new ResourceCache();
    const api = server<string[]>();
    const r = new Resource<string[]>(cache);
    r.setKey('review', api.fetcherFor('review'));
    api.last().resolve(['a', 'b']);
    await settle();
    r.mutate((items) => items.filter((i) => i !== 'a'));
    expect(r.getState().data).toEqual(['b']);
    expect(cache.get('review')).toEqual({ data: ['b'] });
  });

  it('reads again after being left and opened with the same key (React mounts effects twice in development)', async () => {
    const api = server<string>();
    const r = new Resource<string>(new ResourceCache());
    r.setKey('links', api.fetcherFor('links'));
    r.dispose();
    r.setKey('links', api.fetcherFor('links'));
    expect(api.calls).toHaveLength(2);
    expect(api.calls[0]!.signal.aborted).toBe(true);
    api.last().resolve('graph');
    await settle();
    expect(r.getState()).toMatchObject({ data: 'graph', pending: null });
  });

  it('forgets the keys a change made here has outdated, and no other', () => {
    const cache = new ResourceCache();
    cache.set('alerts:{"kind":""}', 1);
    cache.set('alert:7', 2);
    cache.set('hits:all', 3);
    cache.forget('alerts:');
    cache.forget('alert:7');
    expect(cache.get('alerts:{"kind":""}')).toBeUndefined();
    expect(cache.get('alert:7')).toBeUndefined();
    expect(cache.get('hits:all')).toEqual({ data: 3 });
  });

  it('tells a reload what is shown, so a live list reads as many rows again', async () => {
    const seen: (number[] | undefined)[] = [];
    const r = new Resource<number[]>(new ResourceCache());
    r.setKey('hits', async (_signal, shown) => {
      seen.push(shown);
      return [...(shown ?? []), seen.length];
    });
    await settle();
    r.load();
    await settle();
    expect(seen).toEqual([undefined, [1]]);
    expect(r.getState().data).toEqual([1, 2]);
  });

  it('forgets the oldest keys beyond its limit', () => {
    const cache = new ResourceCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ data: 3 });
    expect(cache.get('c')).toEqual({ data: 4 });
  });
});
