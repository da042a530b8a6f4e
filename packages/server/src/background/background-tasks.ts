import type { Deps } from '../app/deps.js';
import { startLinkFollower } from '../links/start.js';
import { startWebhookWorker } from '../webhooks/start.js';
import { startCheckpointTask } from './audit-checkpoints.js';

export interface BackgroundTask {
  stop(): void;
}

/**
 * The server's background work besides the screening index and expiry: webhook deliveries and
 * identity-link detection and signed checkpoints of the audit trail, started and stopped
 * together by `serve`.
 */
export function startBackgroundTasks(deps: Deps, onError: (err: unknown) => void): BackgroundTask[] {
  return [startWebhookWorker(deps, onError), startLinkFollower(deps, onError), startCheckpointTask(deps, onError)].filter((t): t is BackgroundTask => t !== null);
}
