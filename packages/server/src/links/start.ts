import type { Deps } from '../app/deps.js';
import type { BackgroundTask } from '../background/background-tasks.js';
import { LinkFollower } from './link-follower.js';

const POLL_MS = 1000;

/** Starts identity-link detection over the change feed, every second. */
export function startLinkFollower(deps: Deps, onError: (err: unknown) => void): BackgroundTask | null {
  const follower = new LinkFollower(deps);
  follower.start(POLL_MS, onError);
  return { stop: () => follower.stop() };
}
