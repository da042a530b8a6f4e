import { Histogram, type Registry } from 'prom-client';

/** Jobs (write transactions) committed together in one database transaction. */
const JOB_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** What a group committer tells after each batch: how many jobs it held and how long it took. */
export type BatchListener = (jobs: number, ms: number) => void;

export interface BatchMetrics {
  jobs: Histogram;
  seconds: Histogram;
  /** Records every batch the committer reports: pass it the committer's `onBatch`. */
  observeBatches(subscribe: (listener: BatchListener) => unknown): void;
}

export function batchMetrics(registry: Registry): BatchMetrics {
  const jobs = new Histogram({ name: 'crosscheck_group_commit_jobs', help: 'Write jobs committed together in one database transaction by the group committer', buckets: JOB_BUCKETS, registers: [registry] });
  const seconds = new Histogram({ name: 'crosscheck_group_commit_duration_seconds', help: 'Time one group-commit batch took, from its start to its commit', buckets: SECONDS_BUCKETS, registers: [registry] });
  return {
    jobs,
    seconds,
    observeBatches(subscribe) {
      subscribe((n, ms) => {
        jobs.observe(n);
        seconds.observe(ms / 1000);
      });
    },
  };
}
