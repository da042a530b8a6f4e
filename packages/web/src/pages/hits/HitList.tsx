import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { hitsApi, type HitPage } from '../../api/hits.ts';
import { CopyId } from '../../components/CopyId.tsx';
import { Subject } from '../../components/Subject.tsx';
import { memberText, ownerOf, screeningMemberOf, subjectText } from '../../components/hit-words.ts';
import { ResourceView } from '../../components/ResourceView.tsx';
import { RetroactiveBadge } from '../../components/RetroactiveMark.tsx';
import { dateTime } from '../../i18n/dates.ts';
import { useResource } from '../../data/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { HitOriginBadge } from './HitOrigin.tsx';
import type { HitStream } from './hit-stream.ts';

const PAGE_SIZE = 25;
/** The API's largest page: a live refresh re-reads at most this many rows. */
const MAX_PAGE = 200;

/**
 * The bureau's hits, newest first, a page at a time, with an "overdue only" filter. A hit event
 * re-reads the rows shown (rather than patching them from the event) so that what the bureau may
 * see has one source of truth: the server.
 */
export function HitList({ stream, open, focusId }: { stream: HitStream; open: (id: string) => void; focusId: string | null }) {
  const { t, language } = useI18n();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  // New hits to announce once the re-read list names them (the event carries ids only: what
  // the reader may be told of the alert is the server's answer to this reader, not the event's).
  const [unannounced, setUnannounced] = useState<string[]>([]);
  // A live refresh re-reads as many rows as are shown, so the pages already read stay.
  const load = useResource<HitPage>(`hits:${overdueOnly ? 'overdue' : 'all'}`, (signal, shown) =>
    hitsApi.list({ overdue: overdueOnly, limit: Math.min(MAX_PAGE, Math.max(PAGE_SIZE, shown?.items.length ?? 0)) }, signal),
  );
  const { reload } = load;

  useEffect(
    () =>
      stream.subscribe((type, data) => {
        if (type === 'hit.created') {
          setFresh((s) => new Set(s).add(data.hitId));
          setUnannounced((ids) => [...ids, data.hitId]);
        }
        reload();
      }),
    [stream, reload],
  );

  const showMore = () =>
    load.more(async (shown, signal) => {
      const page = await hitsApi.list({ overdue: overdueOnly, after: shown.next ?? undefined, limit: PAGE_SIZE }, signal);
      return { items: [...shown.items, ...page.items], next: page.next };
    });

  // Coming back from a thread, focus returns to its row so a keyboard user keeps their place.
  const focused = useRef(false);
  const rows = load.data;
  useEffect(() => {
    if (focused.current || !focusId || !rows) return;
    focused.current = true;
    document.querySelector<HTMLElement>(`tr[data-hit-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId, rows]);

  useEffect(() => {
    if (!rows || unannounced.length === 0) return;
    const named = unannounced.map((id) => rows.items.find((h) => h.id === id)).filter((h) => h !== undefined);
    if (named.length === 0) return;
    setAnnouncement(named.map((h) => t('hits.newHit', { subject: subjectText(h.subject, t, language), member: memberText(screeningMemberOf(h), t, language) })).join(' '));
    setUnannounced((ids) => ids.filter((id) => !named.some((h) => h.id === id)));
  }, [rows, unannounced, t, language]);

  const when = (iso: string) => dateTime(language, iso);
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
      <ResourceView resource={load} isEmpty={(page) => page.items.length === 0} empty={overdueOnly ? t('hitThread.emptyOverdue') : t('hits.empty')} testId="hits" quietRefresh>
        {(page) => (
          <>
            <p className="help" id="hit-rows-help">
              {t('hitThread.rowHelp')}
            </p>
            <table data-testid="hits-table" aria-describedby="hit-rows-help">
              <thead>
                <tr>
                  <th scope="col">{t('hits.when')}</th>
                  <th scope="col">{t('hits.alert')}</th>
                  <th scope="col">{t('hitThread.owner')}</th>
                  <th scope="col">{t('hits.from')}</th>
                  <th scope="col">{t('hits.score')}</th>
                  <th scope="col">{t('hits.outcome')}</th>
                  <th scope="col">{t('hitThread.thread')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((h) => (
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
                      {fresh.has(h.id) && <span className="badge">{t('hits.new')}</span>} {when(h.createdAt)}
                      <RetroactiveBadge hit={h} />
                    </td>
                    <td data-testid="hit-alert">
                      <Subject subject={h.subject} /> <CopyId id={h.alertId} what="alert" />
                    </td>
                    <td>{memberText(ownerOf(h), t, language)}</td>
                    <td>
                      {memberText(screeningMemberOf(h), t, language)} <HitOriginBadge origin={h.origin} />
                    </td>
                    <td>{h.score === undefined ? '—' : h.score.toFixed(2)}</td>
                    <td>
                      {h.outcome ? t(`outcome.${h.outcome.outcome}`) : t('outcome.none')}
                      {h.clearedBefore && (
                        <>
                          {' '}
                          <span className="badge" data-testid="hit-cleared-before" title={t('clearances.clearedBefore', { date: when(h.clearedBefore.at), member: memberText({ code: h.clearedBefore.member, name: h.clearedBefore.memberName, alpha2: h.clearedBefore.memberAlpha2 }, t, language) })}>
                            {t('clearances.clearedTitle')}
                          </span>
                        </>
                      )}
                    </td>
                    <td data-testid="hit-overdue">
                      {h.overdue ? (
                        <>
                          <span className="badge warn">{t('hits.overdue')}</span>{' '}
                          <span className="overdue-detail">{t('hitThread.overdueWaiting', { due: when(h.overdue.dueAt), member: memberText(h.overdue.waitingFor === h.owner ? ownerOf(h) : screeningMemberOf(h), t, language) })}</span>
                        </>
                      ) : (
                        t('hitThread.noOverdue')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="status">{t('hitThread.shown', { count: page.items.length })}</p>
            {page.next && (
              <button type="button" onClick={showMore} disabled={load.pending === 'more'}>
                {load.pending === 'more' ? t('hitThread.loadingMore') : t('hitThread.more')}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}
