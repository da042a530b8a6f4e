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
  const lag = new Gauge({
    name: 'crosscheck_screening_index_lag_changes',
    help: 'Change-feed entries committed but not yet applied to the screening index (feed head minus applied position)',
    aggregator: 'max',
    registers: [registry],
  });
  new Gauge({
    name: 'crosscheck_change_feed_head',
    help: 'Sequence number of the newest change-feed entry in the database',
    aggregator: 'max',
    registers: [registry],
    async collect() {
      // A database that cannot answer leaves both figures out of this scrape rather than failing
      // it; the staleness below keeps growing, which is what an alert should watch.
      try {
        const head = await feedHead();
        this.set(head);
        lag.set(Math.max(0, head - follower.position));
      } catch {
        this.reset();
        lag.reset();
      }
    },
  });
  new Gauge({
    name: 'crosscheck_screening_index_staleness_seconds',
    help: 'Seconds since the screening index last applied every change it found in the feed (the follower polls every 250 ms)',
    aggregator: 'max',
    registers: [registry],
    collect() {
      const at = follower.lastCaughtUpAt;
      if (at > 0) this.set(Math.max(0, (now() - at) / 1000));
    },
  });
}
