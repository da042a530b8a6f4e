import { LinkFollower, type LinkFollowerDeps } from './link-follower.js';

const POLL_MS = 1000;

/** Starts identity-link detection over the change feed, every second. */
export function startLinkFollower(deps: LinkFollowerDeps, onError: (err: unknown) => void): { stop(): void } | null {
  const follower = new LinkFollower(deps);
  follower.start(POLL_MS, onError);
  return { stop: () => follower.stop() };
}
