import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDeps, type TestContext } from '../../test/engines.js';
import { processMetrics, threadMetrics, type ThreadMetrics } from './thread-metrics.js';

const docs = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');

interface Panel {
  title: string;
  targets?: { expr: string }[];
}

describe('the Grafana dashboard and docs/observability.md', () => {
  let t: TestContext;
  let metrics: ThreadMetrics;
  let served: Set<string>;
  let names: string[];

  beforeAll(async () => {
    t = await openTestDeps('sqlite');
    // With a pool, as on PostgreSQL, so that every metric a server may serve is there.
    metrics = threadMetrics({ database: { db: t.deps.db, poolUse: () => ({ total: 1, idle: 1, waiting: 0 }) }, follower: await t.deps.screeningIndex(), thread: 'main' });
    const all = [...(await metrics.registry.getMetricsAsJSON()), ...(await processMetrics().getMetricsAsJSON())];
    names = all.map((m) => m.name);
    served = new Set(all.flatMap((m) => (String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_count`, `${m.name}_sum`] : [m.name])));
  }, 30_000);
  afterAll(async () => {
    metrics?.stop();
    await t?.close();
  });

  it('queries only metrics the server serves', () => {
    const dashboard = JSON.parse(docs('grafana-dashboard.json')) as { panels: Panel[] };
    const queried = new Set(dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((q) => [...q.expr.matchAll(/\b((?:crosscheck|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!))));
    expect(queried.size).toBeGreaterThan(15);
    expect([...queried].filter((n) => !served.has(n))).toEqual([]);
  });

  it('every crosscheck metric is named in the documentation', () => {
    const text = docs('observability.md');
    const ours = names.filter((n) => n.startsWith('crosscheck_'));
    expect(ours.length).toBeGreaterThan(10);
    expect(ours.filter((n) => !text.includes(`\`${n}\``))).toEqual([]);
  });
});
