import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { hitsApi, type HitListItem } from '../../api/hits.ts';
import { failure } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { HitStream } from './hit-stream.ts';

const PAGE_SIZE = 25;
/** The API's largest page: a live refresh re-reads at most this many rows. */
const MAX_PAGE = 200;

type Load = { state: 'loading' } | { state: 'ready'; items: HitListItem[]; next: string | null; more: boolean } | { state: 'failed'; message: string };

/**
 * The bureau's hits, newest first, a page at a time, with an "overdue only" filter. A hit event
 * re-reads the rows shown (rather than patching them from the event) so that what the bureau may
 * see has one source of truth: the server.
 */
export function HitList({ stream, open, focusId }: { stream: HitStream; open: (id: string) => void; focusId: string | null }) {
  const { t, language } = useI18n();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const tRef = useRef(t);
  tRef.current = t;
  // How many rows are shown, so that a live refresh keeps the pages already read.
  const shown = useRef(PAGE_SIZE);

  const refresh = useCallback(async (overdue: boolean) => {
    try {
      const { items, next } = await hitsApi.list({ overdue, limit: Math.min(MAX_PAGE, Math.max(PAGE_SIZE, shown.current)) });
      shown.current = items.length;
      setLoad({ state: 'ready', items, next, more: false });
    } catch (e) {
      setLoad({ state: 'failed', message: failure(tRef.current, e) });
    }
  }, []);

  useEffect(() => {
    setLoad({ state: 'loading' });
    shown.current = PAGE_SIZE;
    void refresh(overdueOnly);
  }, [overdueOnly, refresh]);

  useEffect(
    () =>
      stream.subscribe((type, data) => {
        if (type === 'hit.created') {
          setFresh((s) => new Set(s).add(data.hitId));
          setAnnouncement(tRef.current('hits.newHit', { alertId: data.alertId, member: data.screeningMember ?? '' }));
        }
        void refresh(overdueOnly);
      }),
    [stream, refresh, overdueOnly],
  );

  const showMore = async () => {
    if (load.state !== 'ready' || !load.next) return;
    const previous = load.items;
    setLoad({ ...load, more: true });
    try {
      const { items, next } = await hitsApi.list({ overdue: overdueOnly, after: load.next, limit: PAGE_SIZE });
      shown.current = previous.length + items.length;
      setLoad({ state: 'ready', items: [...previous, ...items], next, more: false });
    } catch (e) {
      setLoad({ state: 'failed', message: failure(tRef.current, e) });
    }
  };

  // Coming back from a thread, focus returns to its row so a keyboard user keeps their place.
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || !focusId || load.state !== 'ready') return;
    focused.current = true;
    document.querySelector<HTMLElement>(`tr[data-hit-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId, load]);

  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      open(id);
    }
  };

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="hit-filters">
        <label className="inline">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="overdue-only" />
          {t('hitThread.overdueOnly')}
        </label>
      </div>
      {load.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {load.state === 'failed' && (
        <div role="alert" className="error">
          <p>{load.message}</p>
          <button type="button" onClick={() => void refresh(overdueOnly)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {load.state === 'ready' && load.items.length === 0 && <p className="empty">{overdueOnly ? t('hitThread.emptyOverdue') : t('hits.empty')}</p>}
      {load.state === 'ready' && load.items.length > 0 && (
        <>
          <p className="help" id="hit-rows-help">
            {t('hitThread.rowHelp')}
          </p>
          <table data-testid="hits-table" aria-describedby="hit-rows-help">
            <thead>
              <tr>
                <th scope="col">{t('hits.when')}</th>
                <th scope="col">{t('hits.alert')}</th>
                <th scope="col">{t('hits.from')}</th>
                <th scope="col">{t('hits.score')}</th>
                <th scope="col">{t('hits.outcome')}</th>
                <th scope="col">{t('hitThread.thread')}</th>
              </tr>
            </thead>
            <tbody>
              {load.items.map((h) => (
                <tr
                  key={h.id}
                  className={`hit-row${fresh.has(h.id) ? ' fresh' : ''}${h.overdue ? ' overdue' : ''}`}
                  data-testid="hit-row"
                  data-hit-id={h.id}
                  tabIndex={0}
                  onClick={() => open(h.id)}
                  onKeyDown={(e) => onRowKey(e, h.id)}
                >
                  <td>
                    {fresh.has(h.id) && <span className="badge">{t('hits.new')}</span>} {when.format(new Date(h.createdAt))}
                  </td>
                  <td dir="ltr">{h.alertId}</td>
                  <td>{h.screeningMember}</td>
                  <td>{h.score === undefined ? '—' : h.score.toFixed(2)}</td>
                  <td>{h.outcome ? t(`outcome.${h.outcome.outcome}`) : t('outcome.none')}</td>
                  <td data-testid="hit-overdue">
                    {h.overdue ? (
                      <>
                        <span className="badge warn">{t('hits.overdue')}</span>{' '}
                        <span className="overdue-detail">{t('hitThread.overdueWaiting', { due: when.format(new Date(h.overdue.dueAt)), member: h.overdue.waitingFor })}</span>
                      </>
                    ) : (
                      t('hitThread.noOverdue')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="status">{t('hitThread.shown', { count: load.items.length })}</p>
          {load.next && (
            <button type="button" onClick={() => void showMore()} disabled={load.more}>
              {load.more ? t('hitThread.loadingMore') : t('hitThread.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}
