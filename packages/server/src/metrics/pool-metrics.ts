import { Gauge, type Registry } from 'prom-client';
import type { PoolUse } from '../store/database.js';

/**
 * PostgreSQL's connection pool of this thread, read at each scrape. Each thread has a pool of its
 * own, so across threads the figures add up to what the database server sees.
 */
export function watchPool(registry: Registry, poolUse: () => PoolUse): void {
  const gauge = (name: string, help: string, read: (use: PoolUse) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(poolUse()));
      },
    });
  gauge('crosscheck_db_pool_connections', 'Connections the PostgreSQL pool holds open, busy or idle', (u) => u.total);
  gauge('crosscheck_db_pool_idle_connections', 'Open PostgreSQL connections not in use', (u) => u.idle);
  gauge('crosscheck_db_pool_waiting_queries', 'Queries waiting for a free PostgreSQL connection (the pool is exhausted when above 0 for long)', (u) => u.waiting);
}
