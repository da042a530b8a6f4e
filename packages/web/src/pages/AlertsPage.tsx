import type { AlertKind, AlertStatus } from '@crosscheck/core';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type AlertItem, type AlertVersion } from '../api/client.ts';
import { failure, label } from '../i18n/labels.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';

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

type Name = { family?: string; given?: string; full?: string };
function nameText(n: Name): string {
  return n.full ?? [n.family, n.given].filter(Boolean).join(', ');
}

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
      {status === 'rejected' && reason ? (
        <>
          {': '}
          <span dir="auto">{reason}</span>
        </>
      ) : null}
    </span>
  );
}

/** Search the alerts the caller may see, open one, read its history. */
export function AlertsPage() {
  const { t } = useI18n();
  const [form, setForm] = useState<Search>({ text: '', kind: '', status: '' });
  const [searched, setSearched] = useState<Search>(form);
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [openId, setOpenId] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
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

  // The page opens on the most recent alerts, unfiltered.
  useEffect(() => {
    void run({ text: '', kind: '', status: '' });
  }, [run]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSearched(form);
    setOpenId(null);
    void run(form);
  };

  // Back from a detail, focus returns to the row it was opened from.
  useEffect(() => {
    if (openId || !lastOpened.current) return;
    document.querySelector<HTMLButtonElement>(`[data-alert-id="${CSS.escape(lastOpened.current)}"]`)?.focus();
  }, [openId]);

  if (openId) return <AlertDetail id={openId} onBack={() => setOpenId(null)} />;

  return (
    <div className="alerts">
      <h1>{t('alerts.title')}</h1>
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
                  setOpenId(a.id);
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

function AlertDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, language } = useI18n();
  const [detail, setDetail] = useState<Detail>({ state: 'loading' });
  const [history, setHistory] = useState<History>({ state: 'loading' });
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
  return (
    <article className="alert-detail" data-testid="alert-detail" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {t(`hit.kind.${a.kind}`)} · <span dir="auto">{summary(t, a)}</span>
      </h1>
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
                <ul>
                  {a.person.names.map((n, i) => (
                    <li key={i}>
                      <span dir="auto" lang={n.script ? `und-${n.script}` : undefined}>
                        {nameText(n)}
                      </span>
                      {n.full && (n.family || n.given) ? (
                        <>
                          {' '}
                          (<span dir="auto">{[n.family, n.given].filter(Boolean).join(', ')}</span>)
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
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
          <dt>{t('alerts.reviewDate')}</dt>
          <dd dir="ltr">{a.reviewDate ?? '—'}</dd>
          <dt>{t('alerts.updatedAt')}</dt>
          <dd>{when.format(new Date(a.updatedAt))}</dd>
        </dl>
      </section>

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
