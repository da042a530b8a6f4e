import type { AlertKind, AlertStatus } from '@crosscheck/core';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type AlertItem, type AlertVersion, type Me } from '../api/client.ts';
import { nameText } from '../components/name-text.ts';
import { PersonNames } from '../components/PersonNames.tsx';
import { failure, label } from '../i18n/labels.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { PhotoPanel } from './alert-editor/PhotoPanel.tsx';
import './alerts.css';

// The editor and the cancel form validate with the core's zod schemas: loaded only when a bureau
// opens them, so reading alerts (every role) does not download zod.
const AlertEditor = lazy(() => import('./alert-editor/AlertEditor.tsx').then((m) => ({ default: m.AlertEditor })));
const CancelAlert = lazy(() => import('./alert-editor/CancelAlert.tsx').then((m) => ({ default: m.CancelAlert })));

const PAGE_SIZE = 25;
// Core's ALERT_KINDS / ALERT_STATUSES, restated: importing values from the core barrel would bring
// zod into the bundle, whose eval probe the page's Content-Security-Policy refuses. The
// `satisfies` keeps the lists to real values; the server validates them anyway.
const ALERT_KINDS = ['person', 'document', 'vehicle'] as const satisfies readonly AlertKind[];
const ALERT_STATUSES = ['active', 'pending-review', 'rejected', 'cancelled', 'expired'] as const satisfies readonly AlertStatus[];

type Search = { text: string; kind: AlertKind | ''; status: AlertStatus | '' };
type Results = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; items: AlertItem[]; next: string | null; more: boolean } | { state: 'failed'; message: string };
type Detail = { state: 'loading' } | { state: 'ready'; alert: AlertItem } | { state: 'failed'; message: string };
type History = { state: 'loading' } | { state: 'ready'; items: AlertVersion[] } | { state: 'forbidden' } | { state: 'failed'; message: string };


/** One line that tells alerts apart in a list: category and name, document or vehicle. */
function summary(t: Translate, a: AlertItem): string {
  if (a.kind === 'person') {
    const name = a.person.names[0];
    return [label(t, 'category', a.category), name ? nameText(name) : ''].filter(Boolean).join(' · ');
  }
  if (a.kind === 'document') {
    const d = a.document;
    return `${label(t, 'documentType', d.type)} ${d.number} (${d.issuingState}) · ${label(t, 'documentStatus', d.status)}`;
  }
  const v = a.vehicle;
  return [v.plate ? `${v.plate}${v.plateCountry ? ` (${v.plateCountry})` : ''}` : '', v.vin ?? '', [v.make, v.model].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}

function StatusText({ status, reason }: { status: string; reason?: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <span className={`alert-status ${status}`}>
      {label(t, 'alertStatus', status)}
      {(status === 'rejected' || status === 'cancelled') && reason ? (
        <>
          {': '}
          <span dir="auto">{reason}</span>
        </>
      ) : null}
    </span>
  );
}

/** The sub-view the address asks for: `?new=person`, `?edit=ID`, `?id=ID`, or the list. */
type View = { view: 'list' } | { view: 'new'; kind: AlertKind } | { view: 'edit'; id: string } | { view: 'detail'; id: string; saved: boolean };
function viewOf(search: string, me: Me): View {
  const q = new URLSearchParams(search);
  const kind = q.get('new');
  const bureau = me.role === 'bureau';
  if (bureau && kind && (ALERT_KINDS as readonly string[]).includes(kind)) return { view: 'new', kind: kind as AlertKind };
  const edit = q.get('edit');
  if (bureau && edit) return { view: 'edit', id: edit };
  const id = q.get('id');
  if (id) return { view: 'detail', id, saved: q.get('saved') === '1' };
  return { view: 'list' };
}

/** Search the alerts the caller may see, open one, read its history; bureaus publish, edit and cancel their own. */
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

export function AlertsPage({ me, navigate, search }: PageProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<Search>(() => searchOf(search));
  const [searched, setSearched] = useState<Search>(form);
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const current = viewOf(search, me);
  const lastOpened = useRef<string | null>(null);
  const seenView = useRef(current.view);
  const tRef = useRef(t);
  tRef.current = t;

  const run = useCallback(async (q: Search, cursor?: string, previous: AlertItem[] = []) => {
    setResults(cursor ? { state: 'ready', items: previous, next: null, more: true } : { state: 'loading' });
    try {
      const { items, next } = await api.alerts({ ...q, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      setResults({ state: 'ready', items: [...previous, ...items], next, more: false });
    } catch (e) {
      setResults({ state: 'failed', message: failure(tRef.current, e) });
    }
  }, []);

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
    void run(wanted);
  }, [run, search]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSearched(form);
    void run(form);
  };

  // Back on the list after an alert was opened (and perhaps edited or cancelled): the results are
  // fetched again, and focus returns to the row it was opened from.
  useEffect(() => {
    const before = seenView.current;
    seenView.current = current.view;
    if (current.view !== 'list' || before === 'list') return;
    void run(searched).then(() => {
      if (lastOpened.current) document.querySelector<HTMLButtonElement>(`[data-alert-id="${CSS.escape(lastOpened.current)}"]`)?.focus();
    });
  }, [current.view, run, searched]);

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
      {me.role === 'bureau' && (
        <div className="new-alert" role="group" aria-labelledby="new-alert-help">
          <span id="new-alert-help">{t('alertEditor.newHelp')}</span>
          {ALERT_KINDS.map((k) => (
            <button key={k} type="button" data-testid={`new-${k}`} onClick={() => navigate(`/alerts?new=${k}`)}>
              {t(k === 'person' ? 'alertEditor.newPerson' : k === 'document' ? 'alertEditor.newDocument' : 'alertEditor.newVehicle')}
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

      {results.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {results.state === 'failed' && (
        <div role="alert" className="error">
          <p>{results.message}</p>
          <button type="button" onClick={() => void run(searched)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {results.state === 'ready' && results.items.length === 0 && <p className="empty">{t('alerts.empty')}</p>}
      {results.state === 'ready' && results.items.length > 0 && (
        <>
          <p role="status">{t('alerts.count', { count: results.items.length })}</p>
          <ul className="alert-list" data-testid="alert-list">
            {results.items.map((a) => (
              <li key={a.id}>
                <button type="button" className="alert-row" data-testid="alert-row" data-alert-id={a.id} onClick={() => {
                  lastOpened.current = a.id;
                  navigate(`/alerts?id=${encodeURIComponent(a.id)}`);
                }}>
                  <span className="badge">{t(`hit.kind.${a.kind}`)}</span> <span dir="auto">{summary(t, a)}</span>
                  <span className="meta">
                    {t('hit.owner')}: {a.owner} · <StatusText status={a.status} reason={a.statusReason} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {results.next && (
            <button type="button" disabled={results.more} onClick={() => void run(searched, results.next!, results.items)}>
              {results.more ? t('common.loading') : t('alerts.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function AlertDetail({ id, saved, me, navigate, onBack }: { id: string; saved: boolean; me: Me; navigate: (to: string) => void; onBack: () => void }) {
  const { t, language } = useI18n();
  const [detail, setDetail] = useState<Detail>({ state: 'loading' });
  const [history, setHistory] = useState<History>({ state: 'loading' });
  const [cancelled, setCancelled] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const tRef = useRef(t);
  tRef.current = t;

  const load = useCallback(async () => {
    setDetail({ state: 'loading' });
    setHistory({ state: 'loading' });
    try {
      setDetail({ state: 'ready', alert: await api.alert(id) });
    } catch (e) {
      setDetail({ state: 'failed', message: failure(tRef.current, e) });
      return;
    }
    try {
      setHistory({ state: 'ready', items: (await api.alertHistory(id)).items });
    } catch (e) {
      // Frontline users may read an alert but not its history.
      setHistory(e instanceof ApiError && e.status === 403 ? { state: 'forbidden' } : { state: 'failed', message: failure(tRef.current, e) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Focus follows the view so keyboard and screen reader users land on what they opened.
  useEffect(() => {
    heading.current?.focus();
  }, [detail.state]);

  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const back = (
    <button type="button" onClick={onBack} data-testid="alert-back">
      {t('alerts.back')}
    </button>
  );

  if (detail.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (detail.state === 'failed')
    return (
      <div role="alert" className="error">
        <h1 ref={heading} tabIndex={-1}>
          {t('alerts.detailFailed')}
        </h1>
        <p>{detail.message}</p>
        <button type="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>{' '}
        {back}
      </div>
    );

  const a = detail.alert;
  const flags = a.flags ?? (a.flag ? [a.flag] : []);
  const warnings = a.kind === 'person' ? (a.person.warnings ?? []) : [];
  // Only the owner's bureau changes an alert (the API says the same); the buttons follow.
  const ownBureau = me.role === 'bureau' && a.owner === me.member;
  const changeable = ownBureau && (a.status === 'active' || a.status === 'pending-review');
  return (
    <article className="alert-detail" data-testid="alert-detail" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
      <div className="detail-actions">
        {back}
        {changeable && (
          <button type="button" data-testid="alert-edit" onClick={() => navigate(`/alerts?edit=${encodeURIComponent(a.id)}`)}>
            {t('alertEditor.edit')}
          </button>
        )}
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {t(`hit.kind.${a.kind}`)} · <span dir="auto">{summary(t, a)}</span>
      </h1>
      {(saved || cancelled) && (
        <p role="status" className="notice" data-testid="alert-notice">
          {cancelled ? t('alertEditor.cancelled') : a.status === 'pending-review' ? t('alertEditor.savedReview') : t('alertEditor.saved')}
        </p>
      )}
      <section className="card hit">
        <p className="action">
          <strong>{t('hit.action')}: </strong>
          <span dir="auto">{a.action ?? t('hit.noAction')}</span>
        </p>
        {warnings.length > 0 && (
          <p className="warnings" role="note">
            <strong>{t('hit.warnings')}: </strong>
            {warnings.map((w) => label(t, 'warning', w)).join(', ')}
          </p>
        )}
        {flags.length > 0 && (
          <div className="flags" role="note">
            <strong>{t('alerts.flags')}</strong>
            <ul>
              {flags.map((f) => (
                <li key={f.member + f.at}>
                  {f.member}: <span dir="auto">{f.text}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <dl>
          <dt>{t('alerts.id')}</dt>
          <dd dir="ltr">{a.id}</dd>
          <dt>{t('hit.owner')}</dt>
          <dd>{a.owner}</dd>
          <dt>{t('alerts.status')}</dt>
          <dd>
            <StatusText status={a.status} reason={a.statusReason} />
          </dd>
          {a.kind === 'person' && (
            <>
              <dt>{t('alerts.category')}</dt>
              <dd>{label(t, 'category', a.category)}</dd>
              <dt>{t('screen.names')}</dt>
              <dd>
                <PersonNames names={a.person.names} />
              </dd>
              {a.person.birthDate && (
                <>
                  <dt>{t('alerts.birthDate')}</dt>
                  <dd dir="ltr">{a.person.birthDate}</dd>
                </>
              )}
              {a.person.nationalities && a.person.nationalities.length > 0 && (
                <>
                  <dt>{t('screen.nationality')}</dt>
                  <dd>{a.person.nationalities.join(', ')}</dd>
                </>
              )}
            </>
          )}
          {a.kind === 'document' && (
            <>
              <dt>{t('screen.documentNumber')}</dt>
              <dd dir="ltr">{a.document.number}</dd>
              <dt>{t('screen.issuingState')}</dt>
              <dd>{a.document.issuingState}</dd>
              <dt>{t('alerts.documentType')}</dt>
              <dd>{label(t, 'documentType', a.document.type)}</dd>
              <dt>{t('alerts.documentStatus')}</dt>
              <dd>{label(t, 'documentStatus', a.document.status)}</dd>
            </>
          )}
          {a.kind === 'vehicle' && (
            <>
              {a.vehicle.plate && (
                <>
                  <dt>{t('alerts.plate')}</dt>
                  <dd dir="ltr">
                    {a.vehicle.plate} {a.vehicle.plateCountry ? `(${a.vehicle.plateCountry})` : ''}
                  </dd>
                </>
              )}
              {a.vehicle.vin && (
                <>
                  <dt>VIN</dt>
                  <dd dir="ltr">{a.vehicle.vin}</dd>
                </>
              )}
            </>
          )}
          {a.remarks && (
            <>
              <dt>{t('alerts.remarks')}</dt>
              <dd dir="auto">{a.remarks}</dd>
            </>
          )}
          {a.visibility && (
            <>
              <dt>{t('alertEditor.section.visibility')}</dt>
              <dd data-testid="alert-visibility">
                {t(a.visibility.mode === 'all' ? 'alertEditor.vis.all' : a.visibility.mode === 'only' ? 'alertEditor.vis.only' : 'alertEditor.vis.allExcept')}
                {a.visibility.mode !== 'all' && a.visibility.members.length > 0 ? `: ${a.visibility.members.join(', ')}` : ''}
                {a.hiddenFromFrontline ? ` · ${t('alertEditor.hidden')}` : ''}
              </dd>
            </>
          )}
          <dt>{t('alerts.reviewDate')}</dt>
          <dd dir="ltr">{a.reviewDate ?? '—'}</dd>
          <dt>{t('alerts.updatedAt')}</dt>
          <dd>{when.format(new Date(a.updatedAt))}</dd>
        </dl>
      </section>

      {a.kind === 'person' && <PhotoPanel alertId={a.id} canEdit={changeable} />}

      {ownBureau && a.status === 'active' && (
        <Suspense fallback={null}>
          <CancelAlert alertId={a.id} onCancelled={() => {
            setCancelled(true);
            void load();
          }} />
        </Suspense>
      )}

      <section aria-labelledby="alert-history-title">
        <h2 id="alert-history-title">{t('alerts.history')}</h2>
        {history.state === 'loading' && <p role="status">{t('common.loading')}</p>}
        {history.state === 'forbidden' && <p className="empty">{t('alerts.historyForbidden')}</p>}
        {history.state === 'failed' && (
          <div role="alert" className="error">
            <p>{history.message}</p>
            <button type="button" onClick={() => void load()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {history.state === 'ready' && history.items.length === 0 && <p className="empty">{t('alerts.historyEmpty')}</p>}
        {history.state === 'ready' && history.items.length > 0 && (
          <ol className="history" data-testid="alert-history">
            {history.items.map((v) => (
              <li key={v.version}>
                <strong>{t('alerts.version', { version: v.version })}</strong> · {label(t, 'historyAction', v.action)} · {when.format(new Date(v.changedAt))} · <StatusText status={v.status} reason={v.statusReason} />
                {v.statusReason && v.status !== 'rejected' ? (
                  <>
                    {' · '}
                    <span dir="auto">{v.statusReason}</span>
                  </>
                ) : null}
                {v.changedBy ? ` · ${t('alerts.changedBy', { who: v.changedBy })}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
