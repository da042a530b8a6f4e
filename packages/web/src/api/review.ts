import type { PreCheckFlag } from '@crosscheck/core';
import { request, type AlertItem } from './client.ts';

/** One alert waiting for review, with what the server's pre-checks found in it. */
export interface ReviewItem {
  alert: AlertItem;
  /** Hints for the reviewer; they decide nothing. */
  flags: PreCheckFlag[];
  /** When the alert entered review (its latest version). */
  submittedAt: string;
  /** Review refused it before; its owner corrected and resubmitted it. */
  previousRejection?: { reason: string; at: string };
}

export type ReviewDecision = 'approve' | 'reject';

export interface ReviewOutcome {
  alert: AlertItem;
  review: { id: string; decision: 'approved' | 'rejected'; reason: string; at: string };
}

/** The queue holds at most this many, oldest first; the server has no further pages. */
export const QUEUE_LIMIT = 200;

export const reviewApi = {
  queue: (signal?: AbortSignal) => request<{ items: ReviewItem[] }>('GET', `/api/v1/review?limit=${QUEUE_LIMIT}`, undefined, signal),
  decide: (alertId: string, decision: ReviewDecision, reason: string) =>
    request<ReviewOutcome>('POST', `/api/v1/review/${encodeURIComponent(alertId)}/decision`, { decision, reason }),
};
