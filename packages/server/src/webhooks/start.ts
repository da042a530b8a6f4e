import type { Deps } from '../app/deps.js';
import type { BackgroundTask } from '../background/background-tasks.js';

// Placeholder: the webhook delivery worker starts here.
export function startWebhookWorker(_deps: Deps, _onError: (err: unknown) => void): BackgroundTask | null {
  return null;
}
