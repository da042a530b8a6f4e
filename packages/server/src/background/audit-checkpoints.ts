import type { Deps } from '../app/deps.js';
import { writeCheckpoint } from '../app/audit/write-checkpoint.js';
import { findCheckpoint, trailHeadSeq } from '../store/checkpoint-repo.js';
import type { BackgroundTask } from './background-tasks.js';

/**
 * Signs a checkpoint of the audit trail every `checkpointMinutes`, when the operator has named a
 * key: at start if the newest is older than that, then on the interval. A trail that gained
 * nothing but the previous checkpoint's own entry gets no new one.
 */
export function startCheckpointTask(deps: Deps, onError: (err: unknown) => void): BackgroundTask | null {
  if (deps.auditTrail.keyFile === null) return null;
  const everyMs = deps.auditTrail.checkpointMinutes * 60_000;
  let busy = false;
  const run = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const latest = await findCheckpoint(deps.db);
      if (latest && deps.clock().getTime() - Date.parse(latest.at) < everyMs - 1000) return;
      if (latest && (await trailHeadSeq(deps.db)) <= latest.size + 1) return;
      const { exportProblems } = await writeCheckpoint(deps, 'system');
      for (const p of exportProblems) onError(new Error(`audit checkpoint not kept outside the database: ${p}`));
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
