import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { QUEUE_LIMIT, reviewApi, type ReviewDecision, type ReviewItem } from '../api/review.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { forgetAlert } from '../data/forget.ts';
import { useResource } from '../data/use-resource.ts';
import { failure } from '../i18n/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { ReviewDetail } from './review/ReviewDetail.tsx';
import { ReviewList } from './review/ReviewList.tsx';
import './review.css';

/** What the last decision did, shown above the queue it was taken from. */
type Notice = { kind: 'done'; text: string } | { kind: 'failed'; text: string } | null;

/**
 * The review queue (reviewers): alerts waiting before publication, oldest first. An alert opens
 * at `/review?id=…`, so back and forward move between the queue and the alert being read.
 */
export function ReviewPage({ navigate, search }: PageProps) {
  const { t } = useI18n();
  const queue = useResource('review-queue', async (signal) => (await reviewApi.queue(signal)).items);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [decideError, setDecideError] = useState<string | null>(null);
  // Where the focus goes when the queue shows again: the row opened, or the one after a decided alert.
  const focusAfter = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const openId = new URLSearchParams(search).get('id');

  useEffect(() => {
    setDecideError(null);
    if (openId || queue.status !== 'ready') return;
    const target = focusAfter.current;
    focusAfter.current = null;
    if (!target) return;
    const row = document.querySelector<HTMLButtonElement>(`[data-alert-id="${CSS.escape(target)}"]`);
    if (row) row.focus();
    else heading.current?.focus();
  }, [openId, queue.status]);

  const open = (id: string) => {
    focusAfter.current = id;
    setNotice(null);
    navigate(`/review?id=${encodeURIComponent(id)}`);
  };
  const back = () => navigate('/review');

  const decide = async (item: ReviewItem, decision: ReviewDecision, reason: string) => {
    if (queue.status !== 'ready') return;
    setBusy(true);
    setDecideError(null);
    try {
      await reviewApi.decide(item.alert.id, decision, reason);
      forgetAlert(item.alert.id);
      leaveQueue(item, { kind: 'done', text: t(decision === 'approve' ? 'review.approved' : 'review.rejected', { owner: item.alert.owner }) });
    } catch (e) {
      // Decided by someone else, or gone: it no longer belongs in the queue either.
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) leaveQueue(item, { kind: 'failed', text: t('review.decideFailed', { detail: failure(t, e) }) });
      else setDecideError(t('review.decideFailed', { detail: failure(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  /** Takes the alert out of the queue and returns to it, the focus on the next alert waiting. */
  const leaveQueue = (item: ReviewItem, next: Notice) => {
    const shown = queue.data;
    if (!shown) return;
    const index = shown.findIndex((i) => i.alert.id === item.alert.id);
    const items = shown.filter((i) => i.alert.id !== item.alert.id);
    focusAfter.current = items[Math.min(index, items.length - 1)]?.alert.id ?? '-';
    queue.mutate(() => items);
    setNotice(next);
    navigate('/review');
  };

  if (openId) {
    const item = queue.data?.find((i) => i.alert.id === openId);
    if (item) return <ReviewDetail item={item} busy={busy} error={decideError} onBack={back} onDecide={(d, r) => void decide(item, d, r)} />;
    // Read again if need be: an alert no longer waiting (decided by someone else) is said to be gone.
    return (
      <div>
        <ResourceView resource={queue} failed={(detail) => t('review.failed', { detail })} quietRefresh>
          {() => (queue.pending ? null : <p role="alert">{t('review.gone')}</p>)}
        </ResourceView>
        <button type="button" onClick={back}>
          {t('review.back')}
        </button>
      </div>
    );
  }

  return (
    <div className="review">
      <h1 ref={heading} tabIndex={-1}>
        {t('review.title')}
      </h1>
      <p className="help">{t('review.intro')}</p>
      {notice && (
        <p role={notice.kind === 'failed' ? 'alert' : 'status'} className={notice.kind === 'failed' ? 'error' : 'review-notice'} data-testid="review-notice">
          {notice.text}
        </p>
      )}
      <ResourceView
        resource={queue}
        failed={(detail) => t('review.failed', { detail })}
        isEmpty={(items) => items.length === 0}
        empty={
          <div className="card review-empty" data-testid="review-empty">
            <p>
              <strong>{t('review.empty')}</strong>
            </p>
            <p className="help">{t('review.emptyHelp')}</p>
          </div>
        }
      >
        {(items) => (
          <>
            <p role="status">{t('review.count', { count: items.length })}</p>
            <ReviewList items={items} onOpen={open} />
            {items.length >= QUEUE_LIMIT && <p className="help">{t('review.limit', { count: QUEUE_LIMIT })}</p>}
          </>
        )}
      </ResourceView>
    </div>
  );
}
