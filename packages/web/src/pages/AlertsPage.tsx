import { ALERT_KINDS, ALERT_STATUSES, roleMay, type AlertKind, type AlertStatus } from '@crosscheck/core/constants';
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, isInstruction, type Me } from '../api/client.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { useResource } from '../data/use-resource.ts';
import { label } from '../i18n/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { AlertDetail } from './alerts/AlertDetail.tsx';
import { StatusText, summary } from './alerts/alert-summary.tsx';
import './alerts.css';

// The editor validates with the core's zod schemas: loaded only when a bureau opens it, so
// reading alerts (every role) does not download zod.
const AlertEditor = lazy(() => import('./alert-editor/AlertEditor.tsx').then((m) => ({ default: m.AlertEditor })));

const PAGE_SIZE = 25;

type Search = { text: string; kind: AlertKind | ''; status: AlertStatus | '' };

/** The sub-view the address asks for: `?new=person`, `?edit=ID`, `?id=ID`, or the list. */
type View = { view: 'list' } | { view: 'new'; kind: AlertKind } | { view: 'edit'; id: string } | { view: 'detail'; id: string; saved: Saved };
/** What the editor just did, for the notice on the alert it returns to (`&saved=1`, `&saved=resubmitted`). */
export type Saved = 'saved' | 'resubmitted' | null;
function viewOf(search: string, me: Me): View {
  const q = new URLSearchParams(search);
  const kind = q.get('new');
  if (roleMay(me.role, 'alert.create') && kind && (ALERT_KINDS as readonly string[]).includes(kind)) return { view: 'new', kind: kind as AlertKind };
  const edit = q.get('edit');
  if (roleMay(me.role, 'alert.update') && edit) return { view: 'edit', id: edit };
  const id = q.get('id');
  const saved = q.get('saved');
  if (id) return { view: 'detail', id, saved: saved === 'resubmitted' ? 'resubmitted' : saved === '1' ? 'saved' : null };
  return { view: 'list' };
}

/** A search given in the address (`/alerts?kind=document&status=active`, as the dashboard links), else none. */
function searchOf(search: string): Search {
  const q = new URLSearchParams(search);
  const kind = q.get('kind') ?? '';
  const status = q.get('status') ?? '';
  return {
    text: (q.get('text') ?? '').slice(0, 200),
    kind: (ALERT_KINDS as readonly string[]).includes(kind) ? (kind as AlertKind) : '',
    status: (ALERT_STATUSES as readonly string[]).includes(status) ? (status as AlertStatus) : '',
  };
}

/** Search the alerts the caller may see, open one, read its history; bureaus publish, edit and cancel their own. */
export function AlertsPage({ me, navigate, search }: PageProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<Search>(() => searchOf(search));
  const [searched, setSearched] = useState<Search>(form);
  const current = viewOf(search, me);
  const lastOpened = useRef<string | null>(null);
  // The list is read while it is shown; back on it after an alert was opened (and perhaps edited
  // or cancelled), the rows read before show at once and are read again.
  const results = useResource(current.view === 'list' ? `alerts:${JSON.stringify(searched)}` : null, (signal) => api.alerts({ ...searched, limit: PAGE_SIZE }, signal));

  // The page opens on the most recent alerts, filtered as the address says; going back or forward
  // to another address with a search (`?kind=…`) applies that one. Opening an alert or the editor
  // (`?id=`, `?edit=`, `?new=`) keeps the search in hand.
  const appliedSearch = useRef<string | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(search);
    if (q.has('id') || q.has('edit') || q.has('new')) return;
    const wanted = searchOf(search);
    const key = JSON.stringify(wanted);
    if (appliedSearch.current !== null && (appliedSearch.current === key || search === '')) return;
    appliedSearch.current = key;
    setForm(wanted);
    setSearched(wanted);
  }, [search]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // The same search asked again is read again.
    if (JSON.stringify(form) === JSON.stringify(searched)) results.reload();
    else setSearched(form);
  };

  // Back on the list, focus returns to the row the alert was opened from.
  const rows = results.data;
  useEffect(() => {
    if (current.view !== 'list' || !rows || !lastOpened.current) return;
    const row = document.querySelector<HTMLButtonElement>(`[data-alert-id="${CSS.escape(lastOpened.current)}"]`);
    if (!row) return;
    lastOpened.current = null;
    row.focus();
  }, [current.view, rows]);

  const showMore = () =>
    results.more(async (shown, signal) => {
      const page = await api.alerts({ ...searched, limit: PAGE_SIZE, ...(shown.next ? { cursor: shown.next } : {}) }, signal);
      return { items: [...shown.items, ...page.items], next: page.next };
    });

  const fallback = <p role="status">{t('common.loading')}</p>;
  if (current.view === 'new' || current.view === 'edit') {
    const target = current.view === 'new' ? { mode: 'new' as const, kind: current.kind } : { mode: 'edit' as const, id: current.id };
    return (
      <Suspense fallback={fallback}>
        <AlertEditor key={search} target={target} me={me} navigate={navigate} />
      </Suspense>
    );
  }
  if (current.view === 'detail') return <AlertDetail key={current.id} id={current.id} saved={current.saved} me={me} navigate={navigate} onBack={() => navigate('/alerts')} />;

  return (
    <div className="alerts">
      <h1>{t('alerts.title')}</h1>
      {roleMay(me.role, 'alert.create') && (
        <div className="new-alert" role="group" aria-labelledby="new-alert-help">
          <span id="new-alert-help">{t('alertEditor.newHelp')}</span>
          {ALERT_KINDS.map((k) => (
            <button key={k} type="button" data-testid={`new-${k}`} onClick={() => navigate(`/alerts?new=${k}`)}>
              {t(k === 'person' ? 'alertEditor.newPerson' : k === 'document' ? 'alertEditor.newDocument' : k === 'asset' ? 'alertEditor.newAsset' : 'alertEditor.newVehicle')}
            </button>
          ))}
        </div>
      )}
      <form className="card alert-search" role="search" onSubmit={onSubmit}>
        <label>
          {t('alerts.text')}
          <input type="search" name="text" value={form.text} maxLength={200} onChange={(e) => setForm({ ...form, text: e.target.value })} dir="auto" />
        </label>
        <label>
          {t('alerts.kind')}
          <select name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Search['kind'] })}>
            <option value="">{t('alerts.any')}</option>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`hit.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.status')}
          <select name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as Search['status'] })}>
            <option value="">{t('alerts.any')}</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(t, 'alertStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('alerts.search')}
        </button>
      </form>

      <ResourceView resource={results} isEmpty={(page) => page.items.length === 0} empty={t('alerts.empty')} testId="alerts">
        {(page) => (
          <>
            <p role="status">{t('alerts.count', { count: page.items.length })}</p>
            <ul className="alert-list" data-testid="alert-list">
              {page.items.map((a) => (
                <li key={a.id}>
                  <button type="button" className="alert-row" data-testid="alert-row" data-alert-id={a.id} onClick={() => {
                    lastOpened.current = a.id;
                    navigate(`/alerts?id=${encodeURIComponent(a.id)}`);
                  }}>
                    {isInstruction(a) ? (
                      <>
                        <span className="badge">{t('hit.discreet')}</span> <span>{t('alerts.discreetInstruction')}</span>
                        <span className="meta">
                          {t('hit.owner')}: {a.owner}
                        </span>
                      </>
                    ) : (
                      <>
                        <span className="badge">{t(`hit.kind.${a.kind}`)}</span> <span dir="auto">{summary(t, a)}</span>
                        <span className="meta">
                          {t('hit.owner')}: {a.owner} · <StatusText status={a.status} reason={a.statusReason} />
                        </span>
                      </>
                    )}
                  </button>
                </li>
              ))}
            </ul>
            {page.next && (
              <button type="button" disabled={results.pending === 'more'} onClick={showMore}>
                {results.pending === 'more' ? t('common.loading') : t('alerts.more')}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}
