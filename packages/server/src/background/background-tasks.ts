import type { Deps } from '../app/deps.js';
import { startLinkFollower } from '../links/start.js';
import { startWebhookWorker } from '../webhooks/start.js';
import { startCheckpointTask } from './audit-checkpoints.js';
import { startRetroFollower } from '../app/retroactive/retro-follower.js';

export interface BackgroundTask {
  stop(): void;
}

/**
 * Which of the background tasks a thread runs. Identity-link detection reads the screening index
 * (`deps.screeningIndex()` loads one where none is), so it runs where an index is loaded anyway;
 * the other tasks need only the database. `serve` runs them all on its one thread; `serve --workers`
 * runs the database tasks on its main thread, which holds no index, and the index task on worker 1.
 */
export type TaskGroup = 'all' | 'database' | 'index';

/**
 * The server's background work besides the screening index and expiry: webhook deliveries and
 * signed checkpoints of the audit trail (database), identity-link detection (index), started and
 * stopped together.
 */
export function startBackgroundTasks(deps: Deps, onError: (err: unknown) => void, group: TaskGroup = 'all'): BackgroundTask[] {
  const database = group !== 'index';
  const index = group !== 'database';
  return [
    database ? startWebhookWorker(deps, onError) : null,
    index ? startLinkFollower(deps, onError) : null,
    database ? startCheckpointTask(deps, onError) : null,
    // Hits after the fact build their own small index of the new alerts: a database task.
    database ? startRetroFollower(deps, onError) : null,
  ].filter((t): t is BackgroundTask => t !== null);
}
