import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type HitItem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Load = { state: 'loading' } | { state: 'ready'; items: HitItem[] } | { state: 'failed'; message: string };

/** Hits on the bureau's alerts and from its screenings, kept current by the event stream. */
export function HitsInboxPage() {
  const { t, language } = useI18n();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [live, setLive] = useState(false);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  // Read through a ref so switching language does not reopen the stream or reload the list.
  const tRef = useRef(t);
  tRef.current = t;

  const refresh = useCallback(async () => {
    try {
      const { items } = await api.hits();
      setLoad({ state: 'ready', items });
    } catch (e) {
      setLoad({ state: 'failed', message: e instanceof ApiError && e.status !== 0 ? e.message : tRef.current('common.networkError') });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    // EventSource sends the same-origin session cookie and reconnects by itself (with Last-Event-ID).
    const source = new EventSource('/api/v1/events');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    // Re-reading the list (rather than patching it from the event) keeps one source of truth for what the bureau may see.
    const onCreated = (e: MessageEvent<string>) => {
      const data = JSON.parse(e.data) as { hitId: string; alertId: string; screeningMember: string };
      setFresh((s) => new Set(s).add(data.hitId));
      setAnnouncement(tRef.current('hits.newHit', { alertId: data.alertId, member: data.screeningMember }));
      void refresh();
    };
    const onUpdated = () => void refresh();
    source.addEventListener('hit.created', onCreated);
    source.addEventListener('hit.updated', onUpdated);
    return () => source.close();
  }, [refresh]);

  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <div className="inbox">
      <h1>{t('hits.title')}</h1>
      <p className={`live ${live ? 'on' : 'off'}`} data-testid="live">
        {live ? t('hits.live') : t('hits.offline')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {load.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {load.state === 'failed' && (
        <div role="alert" className="error">
          <p>{load.message}</p>
          <button type="button" onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {load.state === 'ready' && load.items.length === 0 && <p className="empty">{t('hits.empty')}</p>}
      {load.state === 'ready' && load.items.length > 0 && (
        <table data-testid="hits-table">
          <thead>
            <tr>
              <th scope="col">{t('hits.when')}</th>
              <th scope="col">{t('hits.alert')}</th>
              <th scope="col">{t('hits.from')}</th>
              <th scope="col">{t('hits.score')}</th>
              <th scope="col">{t('hits.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {load.items.map((h) => (
              <tr key={h.id} className={fresh.has(h.id) ? 'fresh' : undefined} data-testid="hit-row">
                <td>
                  {fresh.has(h.id) && <span className="badge">{t('hits.new')}</span>} {when.format(new Date(h.createdAt))}
                </td>
                <td dir="ltr">{h.alertId}</td>
                <td>{h.screeningMember}</td>
                <td>{h.score === undefined ? '—' : h.score.toFixed(2)}</td>
                <td>
                  {h.outcome ? t(`outcome.${h.outcome.outcome}`) : t('outcome.none')}
                  {h.overdue ? <span className="badge warn"> {t('hits.overdue')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
