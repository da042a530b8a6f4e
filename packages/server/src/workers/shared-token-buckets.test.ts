import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../app/limits/token-buckets.js';
import { canShareAPort } from './reuse-port.js';
import { SharedTokenBuckets, sharedRateMemory } from './shared-token-buckets.js';

describe('rate buckets shared by the worker threads', () => {
  it('gives a credential its rate once across the threads, with the answers of a bucket of its own', () => {
    const memory = sharedRateMemory();
    const threads = [new SharedTokenBuckets(4, memory, 2), new SharedTokenBuckets(4, memory, 2)];
    const alone = new TokenBuckets(4);
    const t0 = 1_000_000;
    for (let i = 0; i < 6; i++) expect(threads[i % 2]!.take('key:a', t0)).toEqual(alone.take('key:a', t0));
    // 4 a minute: one token back after 15 s, in whichever thread asks.
    expect(threads[1]!.take('key:a', t0 + 15_000)).toEqual({ ok: true });
    expect(threads[0]!.take('key:a', t0 + 15_000)).toEqual({ ok: false, retryAfterMs: 15_000 });
    // Another credential has a bucket of its own.
    expect(threads[0]!.take('key:b', t0)).toEqual({ ok: true });
  });

  it('keeps many credentials apart and reuses the slots of buckets full again', () => {
    const memory = sharedRateMemory();
    const buckets = new SharedTokenBuckets(1, memory, 2);
    const t0 = 5_000_000;
    for (let i = 0; i < 20_000; i++) expect(buckets.take(`user:${i}`, t0).ok, `user:${i}`).toBe(true);
    // Each spent its one token: none gets another within the minute, wherever its slot went.
    for (let i = 0; i < 20_000; i += 97) expect(buckets.take(`user:${i}`, t0 + 1).ok).toBe(false);
    // A minute on, every bucket is full again and new credentials find room.
    for (let i = 20_000; i < 36_000; i++) expect(buckets.take(`user:${i}`, t0 + 60_000).ok).toBe(true);
    expect(buckets.take('user:20000', t0 + 60_001).ok).toBe(false);
  });

  it('gives two threads taking at once exactly the rate between them', async () => {
    const memory = sharedRateMemory();
    const start = new SharedArrayBuffer(8);
    const perMinute = 20_000;
    const threads = [0, 1].map(() => new Worker(new URL('./shared-token-buckets.thread.mjs', import.meta.url), { workerData: { memory, perMinute, takes: 40_000, now: 7_000_000, start } }));
    const counts = threads.map((w) => new Promise<number>((resolve, reject) => w.once('message', resolve).once('error', reject)));
    // Both loaded (tsx takes a while) before either starts: then their takes interleave.
    const gate = new Int32Array(start);
    while (Atomics.load(gate, 1) < 2) await new Promise((r) => setTimeout(r, 20));
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    const got = await Promise.all(counts);
    await Promise.all(threads.map((w) => w.terminate()));
    expect(got[0]! + got[1]!).toBe(perMinute);
  }, 30_000);

  it('takes the lock over from a thread that died holding it, and the buckets keep working', () => {
    const memory = sharedRateMemory();
    const buckets = new SharedTokenBuckets(2, memory, 2);
    const t0 = 9_000_000;
    expect(buckets.take('key:a', t0)).toEqual({ ok: true });
    // The lock word (the first Int32) as a thread ended inside the critical section leaves it: held, by a ticket no one will free.
    const lock = new Int32Array(memory, 0, 1);
    Atomics.store(lock, 0, 123_456);
    const started = Date.now();
    expect(buckets.take('key:a', t0)).toEqual({ ok: true });
    const waited = Date.now() - started;
    // It waited for the holder (a live one frees the lock in microseconds), then took over; well within a request's time.
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(1_000);
    // Freed after the take: the next ones need not wait, and the bucket counted both takes.
    const next = Date.now();
    expect(buckets.take('key:a', t0)).toEqual({ ok: false, retryAfterMs: 30_000 });
    expect(new SharedTokenBuckets(2, memory, 2).take('key:b', t0)).toEqual({ ok: true });
    expect(Date.now() - next).toBeLessThan(50);
    expect(Atomics.load(lock, 0)).toBe(0);
  });

  it('shares a port between threads only where the runtime and system can', () => {
    expect(canShareAPort('22.12.0', 'linux')).toBe(true);
    expect(canShareAPort('22.23.3', 'linux')).toBe(true);
    expect(canShareAPort('23.1.0', 'linux')).toBe(true);
    expect(canShareAPort('24.0.0', 'linux')).toBe(true);
    expect(canShareAPort('22.11.0', 'linux')).toBe(false);
    expect(canShareAPort('20.19.0', 'linux')).toBe(false);
    expect(canShareAPort('23.0.0', 'linux')).toBe(false);
    expect(canShareAPort('22.23.3', 'darwin')).toBe(false);
  });
});
