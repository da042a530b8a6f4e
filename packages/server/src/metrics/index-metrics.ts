import { Gauge, type Registry } from 'prom-client';
import type { IndexFollower } from '../screening/index-follower.js';

/**
 * The screening index of this thread and how far it is behind the change feed, read at each
 * scrape. Every serving thread has its own index: summed across threads these figures would mean
 * nothing, so the aggregation across threads keeps the worst (the largest lag, the oldest
 * catch-up, the lowest position).
 */
export function watchIndex(registry: Registry, follower: IndexFollower, feedHead: () => Promise<number>, now: () => number = Date.now): void {
  new Gauge({
    name: 'crosscheck_screening_index_alerts',
    help: 'Active alerts in the in-memory screening index',
    aggregator: 'max',
    registers: [registry],
    collect() {
      this.set(follower.index.size);
    },
  });
  new Gauge({
    name: 'crosscheck_screening_index_position',
    help: 'Sequence number of the last change-feed entry applied to the screening index',
    aggregator: 'min',
    registers: [registry],
    collect() {
      this.set(follower.position);
    },
  });
  // One read of the head serves both gauges of a scrape (a registry collects its metrics at
  // once); a database that cannot answer makes both NaN (unknown, where 0 would say "caught up")
  // rather than failing the scrape, and the staleness below keeps growing: what an alert watches.
  let reading: Promise<number | null> | null = null;
  const readHead = () =>
    (reading ??= feedHead()
      .catch(() => null)
      .finally(() => {
        reading = null;
      }));
  new Gauge({
    name: 'crosscheck_change_feed_head',
    help: 'Sequence number of the newest change-feed entry in the database',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      const head = await readHead();
      this.set(head ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'crosscheck_screening_index_lag_changes',
    help: 'Change-feed entries committed but not yet applied to the screening index (feed head minus applied position)',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      const head = await readHead();
      this.set(head === null ? Number.NaN : Math.max(0, head - follower.position));
    },
  });
  new Gauge({
    name: 'crosscheck_screening_index_staleness_seconds',
    help: 'Seconds since the screening index last applied every change it found in the feed (the follower polls every 250 ms)',
    aggregator: 'max',
    registers: [registry],
    collect() {
      const at = follower.lastCaughtUpAt;
      // Never caught up (the index not loaded yet): unknown, not fresh.
      this.set(at > 0 ? Math.max(0, (now() - at) / 1000) : Number.NaN);
    },
  });
}
