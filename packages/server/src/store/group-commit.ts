import { AsyncLocalStorage } from 'node:async_hooks';
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Told of every batch once its commit has ended: how many jobs it held, how long it took. */
export type BatchListener = (jobs: number, ms: number) => void;

/**
 * At most this many jobs share one transaction. A commit (on PostgreSQL a WAL flush to disk)
 * costs about as much as a few small jobs, so beyond a few dozen its share of a batch is
 * negligible; a larger batch only makes its first job wait longer for the commit and holds the
 * writers' lock longer. It also keeps a batch's nested savepoints within PostgreSQL's cache of 64
 * subtransactions per transaction.
 */
export const MAX_BATCH_JOBS = 64;

/** A job that did not fail itself but whose batch could not be committed. */
export class BatchFailedError extends Error {
  constructor(cause: unknown) {
    super('the write batch this work was part of could not be committed, so none of it was written', { cause });
    this.name = 'BatchFailedError';
  }
}

/**
 * The longest a job waits in the queue before it is refused unstarted: the HTTP request timeout's
 * default, after which nobody is waiting for the answer. Without a bound a stuck batch (a hung
 * connection) would keep every later write in memory and run it long after its request gave up.
 */
export const MAX_QUEUE_WAIT_MS = 30_000;

/** A job refused before it started: the batches ahead of it took too long. Nothing of it was written. */
export class WriteQueueTimeoutError extends Error {
  // Read by store/storage-faults.ts: the database is stuck or overloaded (503), not the request.
  readonly code = 'WRITE_QUEUE_TIMEOUT';
  constructor(waitedMs: number) {
    super(`the write waited ${waitedMs} ms behind earlier writes that did not finish, so it was not started and nothing of it was written`);
    this.name = 'WriteQueueTimeoutError';
  }
}

interface Job {
  work: (tx: Transaction<DB>) => Promise<unknown>;
  /** Refuses the job while it is still queued; cleared when a batch takes it. */
  expiry?: ReturnType<typeof setTimeout>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Set when the job's own work failed (its savepoint was rolled back). */
  failure?: { error: unknown };
  result?: unknown;
  /** What the job's work asked to run once its writes are committed (`afterCommit`). */
  afterCommit: Array<() => void>;
}

/** The head of the audit chain: the last entry's sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

// What a batch's transaction has written that its later jobs may reuse instead of reading again.
interface BatchMemo {
  auditHead: AuditHead | null;
}

interface JobContext {
  committer: GroupCommitter;
  active: boolean;
  tx: Transaction<DB>;
  memo: BatchMemo;
  job: Job;
}

// The job whose work is running: a nested submission is refused instead of waiting for a batch
// that waits for it, and the audit head its batch wrote last is at hand.
const running = new AsyncLocalStorage<JobContext>();

function jobOf(tx: Transaction<DB>): JobContext | undefined {
  const job = running.getStore();
  // Only through the transaction the job was given: work on another handle is not this batch's.
  return job?.active && job.tx === tx ? job : undefined;
}

/**
 * The audit head written last in this batch's transaction, when `tx` is a running job's and a
 * job of the batch has appended an entry: saves each later entry a read of the head.
 */
export function knownAuditHead(tx: Transaction<DB>): AuditHead | null {
  return jobOf(tx)?.memo.auditHead ?? null;
}

/** Remembers the head just written through `tx`, for the batch's later entries. */
export function noteAuditHead(tx: Transaction<DB>, head: AuditHead): void {
  const job = jobOf(tx);
  if (job) job.memo.auditHead = head;
}

/**
 * Runs `fn` once the writes made through `tx` are committed and visible to every connection,
 * before the job that made them settles; never when they are not (the job failed and its
 * savepoint was rolled back, or the batch was lost). For what must not happen earlier than the
 * commit, such as telling this process's caches that a row has changed: a reader on another
 * connection still sees the old row until then. `tx` must be the transaction a job was given;
 * `fn` should not throw (a throw is ignored: the writes are committed all the same).
 */
export function afterCommit(tx: Transaction<DB>, fn: () => void): void {
  const context = jobOf(tx);
  // Elsewhere the commit is not this module's to see: running `fn` now could be too early.
  if (!context) throw new Error('afterCommit needs the transaction of a write job (inWriteTransaction)');
  context.job.afterCommit.push(fn);
}

/**
 * Writes the jobs that queue up together: one transaction per batch, each job in a savepoint of
 * its own. A batch is what queued while the one before it was being written and committed, up to
 * `MAX_BATCH_JOBS`: an idle server writes a lone job at once (no waiting for company), a busy one
 * shares each commit among everyone who arrived meanwhile. The jobs of a batch run one after
 * another in submission order, so the sequence numbers they take follow that order.
 *
 * A job's promise settles only once its batch has committed or failed: a job whose own work
 * throws has its savepoint rolled back and hears its own error, the others' writes stay; when
 * the transaction itself is lost (the commit fails, or the database rolled everything back on
 * its own) every job in the batch fails.
 */
export class GroupCommitter {
  private readonly queue: Job[] = [];
  private draining = false;
  private readonly listeners = new Set<BatchListener>();

  constructor(
    private readonly db: Kysely<DB>,
    /** What every batch does first, before its jobs (taking the writers' lock). */
    private readonly begin: (tx: Transaction<DB>) => Promise<void>,
    private readonly maxJobs = MAX_BATCH_JOBS,
    private readonly maxWaitMs = MAX_QUEUE_WAIT_MS,
  ) {}

  /** Runs `work` in the next batch; settles once that batch has committed (or failed). */
  submit<T>(work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    const inside = running.getStore();
    if (inside?.committer === this && inside.active) {
      // The batch holding the caller cannot commit before the caller's work ends, and this job
      // could only run in a later batch: waiting would never end.
      return Promise.reject(new Error('a write transaction was started inside another one on the same database; do the work in the transaction given'));
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = { work, resolve: resolve as (value: unknown) => void, reject, afterCommit: [] };
      job.expiry = setTimeout(() => this.expire(job), this.maxWaitMs);
      this.queue.push(job);
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  // Runs on the event loop, never while a batch takes its jobs: a job is either still queued and
  // refused here, or taken and run; never refused after it may have been written.
  private expire(job: Job): void {
    const at = this.queue.indexOf(job);
    if (at < 0) return;
    this.queue.splice(at, 1);
    job.reject(new WriteQueueTimeoutError(this.maxWaitMs));
  }

  private take(): Job[] {
    const jobs = this.queue.splice(0, this.maxJobs);
    for (const job of jobs) clearTimeout(job.expiry);
    return jobs;
  }

  /** Subscribes to batch sizes and durations; answers the unsubscribe. */
  onBatch(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.runBatch();
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(): Promise<void> {
    const started = performance.now();
    let jobs: Job[] = [];
    let trx: ControlledTransaction<DB> | null = null;
    try {
      trx = await this.db.startTransaction().execute();
      await this.begin(trx);
      // Taken only now: whatever arrived while the transaction began and waited for the lock
      // joins this batch.
      jobs = this.take();
      const memo: BatchMemo = { auditHead: null };
      for (const job of jobs) await this.runJob(trx, job, memo);
      await trx.commit().execute();
    } catch (error) {
      if (jobs.length === 0) jobs = this.take();
      if (trx !== null && !trx.isCommitted && !trx.isRolledBack) {
        // SQLite may already have rolled back by itself (a full disk); then this fails too, and
        // the connection is released by the failed ROLLBACK all the same.
        await trx.rollback().execute().catch(() => undefined);
      }
      const cause = jobs.find((j) => j.failure !== undefined && isTransactionLoss(j.failure.error, error))?.failure?.error ?? error;
      for (const job of jobs) job.failure ??= { error: new BatchFailedError(cause) };
    }
    // Every job of the queue may have been refused for waiting too long: then there was no batch.
    if (jobs.length > 0) this.tell(jobs.length, performance.now() - started);
    for (const job of jobs) {
      if (job.failure) job.reject(job.failure.error);
      else {
        runAll(job.afterCommit);
        job.resolve(job.result);
      }
    }
  }

  private async runJob(trx: ControlledTransaction<DB>, job: Job, memo: BatchMemo): Promise<void> {
    // Savepoints are not released: each job's nests in the one before, which costs the database
    // nothing until the commit and saves a round trip per job; ROLLBACK TO names the newest.
    const point = await trx.savepoint('job').execute();
    const before = memo.auditHead;
    const context: JobContext = { committer: this, active: true, tx: point, memo, job };
    try {
      job.result = await running.run(context, () => job.work(point));
      context.active = false;
    } catch (error) {
      context.active = false;
      memo.auditHead = before;
      job.failure = { error };
      // Its writes are undone: there will be nothing of it to announce.
      job.afterCommit.length = 0;
      // When this fails too the transaction is gone (SQLite rolls back by itself on a full disk or
      // an I/O error): the batch fails, and the job's own error is the one the others hear of.
      await point.rollbackToSavepoint('job').execute().catch((lost: unknown) => {
        throw new TransactionLost(error, lost);
      });
    }
  }

  private tell(jobs: number, ms: number): void {
    for (const listener of this.listeners) {
      try {
        listener(jobs, ms);
      } catch {
        // An observer's fault must not fail the writes it observes.
      }
    }
  }
}

function runAll(hooks: Array<() => void>): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // The writes are committed: a hook's fault must not make their job look failed.
    }
  }
}

/** The transaction was gone after a job failed; `jobError` is what broke it. */
class TransactionLost extends Error {
  constructor(
    readonly jobError: unknown,
    cause: unknown,
  ) {
    super('the transaction was lost after a job failed', { cause });
  }
}

function isTransactionLoss(jobError: unknown, batchError: unknown): boolean {
  return batchError instanceof TransactionLost && batchError.jobError === jobError;
}
