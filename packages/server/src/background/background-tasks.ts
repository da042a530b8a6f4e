import type { Deps } from '../app/deps.js';
import { startLinkFollower } from '../links/start.js';
import { startWebhookWorker } from '../webhooks/start.js';

export interface BackgroundTask {
  stop(): void;
}

/**
 * The server's background work besides the screening index and expiry: webhook deliveries and
 * identity-link detection, started and stopped together by `serve`.
 */
export function startBackgroundTasks(deps: Deps, onError: (err: unknown) => void): BackgroundTask[] {
  return [startWebhookWorker(deps, onError), startLinkFollower(deps, onError)].filter((t): t is BackgroundTask => t !== null);
}
