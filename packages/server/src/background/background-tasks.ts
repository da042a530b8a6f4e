import type { Deps } from '../app/deps.js';

export interface BackgroundTask {
  stop(): void;
}

/**
 * The server's background work besides the screening index: webhook deliveries, identity-link
 * detection. Each starts here so that `serve` has one place to start and stop them.
 */
export function startBackgroundTasks(_deps: Deps, _onError: (err: unknown) => void): BackgroundTask[] {
  return [];
}
