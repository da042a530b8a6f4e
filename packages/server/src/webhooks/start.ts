import { queueEventDeliveries } from './queue-deliveries.js';
import { sendDueDeliveries, type SendOptions, type WebhookDeps } from './send-deliveries.js';

export interface WebhookWorkerOptions extends SendOptions {
  pollMs: number;
  /** Most events turned into deliveries per round. */
  pageSize: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookWorkerOptions = { pollMs: 200, pageSize: 500, baseDelayMs: 1000, maxDelayMs: 3_600_000, maxAttempts: 10, timeoutMs: 5000, batchSize: 20 };

export interface WebhookWorker {
  stop(): void;
  /** Resolves when the round under way (if any) has finished after `stop()`. */
  stopped(): Promise<void>;
}

/**
 * Queues and sends webhook deliveries every `pollMs`. Several processes may run it: events are
 * queued once (the cursor moves in the writers' transaction) and each attempt is claimed first.
 */
export function startWebhookWorker(deps: WebhookDeps, onError: (err: unknown) => void, options: Partial<WebhookWorkerOptions> = {}): WebhookWorker {
  const o = { ...DEFAULT_WEBHOOK_OPTIONS, ...options };
  let stopped = false;
  let round: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = (): void => {
    round = (async () => {
      try {
        await queueEventDeliveries(deps, o.pageSize);
        await sendDueDeliveries(deps, o);
      } catch (err) {
        if (!stopped) onError(err);
      }
    })();
    void round.then(() => {
      if (!stopped) timer = setTimeout(tick, o.pollMs);
    });
  };
  timer = setTimeout(tick, o.pollMs);

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    stopped: () => round,
  };
}
