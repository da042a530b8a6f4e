import { roleMay } from '@crosscheck/core/constants';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { api, ApiError, isInstruction, type Me } from '../../api/client.ts';
import { PersonNames } from '../../components/PersonNames.tsx';
import { ResourceView } from '../../components/ResourceView.tsx';
import { forgetAlert } from '../../data/forget.ts';
import { useResource } from '../../data/use-resource.ts';
import { failure, label } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PhotoPanel } from '../alert-editor/PhotoPanel.tsx';
import { StatusText, summary } from './alert-summary.tsx';
import { AlertHistory } from './AlertHistory.tsx';

// Loaded only by a bureau that cancels: the form brings zod (jitless) with it.
const CancelAlert = lazy(() => import('../alert-editor/CancelAlert.tsx').then((m) => ({ default: m.CancelAlert })));

/** One alert: what it says, its photos, its history; for its own bureau, edit and cancel. */
export function AlertDetail({ id, saved, me, navigate, onBack }: { id: string; saved: boolean; me: Me; navigate: (to: string) => void; onBack: () => void }) {
  const { t, language } = useI18n();
  const detail = useResource(`alert:${id}`, (signal) => api.alert(id, signal));
  // Read once the alert is: an alert that cannot be opened has no history to ask for.
  const history = useResource(detail.data && !isInstruction(detail.data) ? `alert-history:${id}` : null, async (signal) => (await api.alertHistory(id, signal)).items);
  const [cancelled, setCancelled] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reload = () => {
    detail.reload();
    history.reload();
  };

  // Focus follows the view so keyboard and screen reader users land on what they opened.
  useEffect(() => {
    heading.current?.focus();
  }, [detail.status]);

  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const back = (
    <button type="button" onClick={onBack} data-testid="alert-back">
      {t('alerts.back')}
    </button>
  );

  if (detail.status === 'loading' || detail.status === 'idle') return <p role="status">{t('common.loading')}</p>;
  if (detail.data === undefined)
    return (
      <div role="alert" className="error">
        <h1 ref={heading} tabIndex={-1}>
          {t('alerts.detailFailed')}
        </h1>
        <p>{failure(t, detail.error)}</p>
        <button type="button" onClick={detail.retry}>
          {t('common.retry')}
        </button>{' '}
        {back}
      </div>
    );

  if (isInstruction(detail.data)) {
    // A discreet check read by the frontline: the instruction, as screening gives it, and nothing more.
    return (
      <article className="alert-detail" data-testid="alert-detail" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
        <div className="detail-actions">{back}</div>
        <h1 ref={heading} tabIndex={-1}>
          {t('hit.discreet')}
        </h1>
        <p data-testid="alert-instruction">{t('alerts.discreetInstruction')}</p>
        <p className="meta">
          {t('hit.owner')}: {detail.data.owner}
        </p>
      </article>
    );
  }
  const a = detail.data;
  // Frontline users may read an alert but not its history.
  const historyForbidden = history.error instanceof ApiError && history.error.status === 403;
  const flags = a.flags ?? (a.flag ? [a.flag] : []);
  const warnings = a.kind === 'person' ? (a.person.warnings ?? []) : [];
  // Only the owner's bureau changes an alert (the API says the same); the buttons follow.
  const own = a.owner === me.member;
  const changeable = own && roleMay(me.role, 'alert.update') && (a.status === 'active' || a.status === 'pending-review');
  const cancellable = own && roleMay(me.role, 'alert.cancel') && a.status === 'active';
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
      {/* A read again that failed: the alert stays, said to be possibly out of date, with a retry. */}
      <ResourceView resource={detail} testId="alert-detail">
        {() => null}
      </ResourceView>
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

      {cancellable && (
        <Suspense fallback={null}>
          <CancelAlert alertId={a.id} onCancelled={() => {
            setCancelled(true);
            forgetAlert(a.id);
            reload();
          }} />
        </Suspense>
      )}

      <AlertHistory history={history} forbidden={historyForbidden} />
    </article>
  );
}
