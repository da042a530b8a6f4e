import type { ReactNode } from 'react';
import type { ResourceHandle } from '../data/use-resource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { failure } from '../i18n/labels.ts';

interface Props<T> {
  resource: ResourceHandle<T>;
  /** The sentence for a failed read; `detail` is the server's explanation or the network message. */
  failed?: (detail: string) => string;
  /** When true for the data, `empty` is shown instead of the children (a string as the page's usual empty line). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** data-testid prefix: `<testId>-error`, `<testId>-empty`. */
  testId?: string;
  /** Say nothing while the data is read again (a page with its own status line, or rows refreshed live). */
  quietRefresh?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * The one way a read shows its states, in the reader's language: loading, failed (the reason and
 * a button that repeats the request), empty, and the data; while the data is read again it stays
 * on screen, and when that read fails it stays with the failure above it, said to be possibly out
 * of date.
 */
export function ResourceView<T>({ resource: r, failed, isEmpty, empty, testId, quietRefresh = false, children }: Props<T>) {
  const { t } = useI18n();
  if (r.status === 'idle') return null;
  if (r.status === 'loading') return <p role="status" className="status">{t('common.loading')}</p>;
  const detail = r.error === null ? '' : failure(t, r.error);
  const problem = r.error !== null && r.pending === null && (
    <div role="alert" className="card error resource-error" data-testid={testId && `${testId}-error`}>
      <p>{failed ? failed(detail) : t('common.loadFailed', { detail })}</p>
      {r.data !== undefined && r.stale && <p className="help">{t('common.stale')}</p>}
      <button type="button" onClick={r.retry}>
        {t('common.retry')}
      </button>
    </div>
  );
  if (r.data === undefined) return problem || null;
  const data = r.data;
  return (
    <>
      {problem}
      {!quietRefresh && r.pending === 'load' && (
        <p role="status" className="status">
          {t('common.refreshing')}
        </p>
      )}
      {isEmpty?.(data) ? (
        typeof empty === 'string' ? (
          <p className="empty" data-testid={testId && `${testId}-empty`}>
            {empty}
          </p>
        ) : (
          empty
        )
      ) : (
        children(data)
      )}
    </>
  );
}
