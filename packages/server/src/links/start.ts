import type { Deps } from '../app/deps.js';
import type { BackgroundTask } from '../background/background-tasks.js';

// Placeholder: the identity-link detector starts here.
export function startLinkFollower(_deps: Deps, _onError: (err: unknown) => void): BackgroundTask | null {
  return null;
}
