import { CHANGEABLE_STATUSES, roleMay } from '@crosscheck/core/constants';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { api, ApiError, isInstruction, type Me } from '../../api/client.ts';
import { ResourceView } from '../../components/ResourceView.tsx';
import { forgetAlert } from '../../data/forget.ts';
import { useResource } from '../../data/use-resource.ts';
import { failure, label } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PhotoPanel } from '../alert-editor/PhotoPanel.tsx';
import type { Saved } from '../AlertsPage.tsx';
import { ActionSection } from './ActionSection.tsx';
import { RecastSection } from './RecastSection.tsx';
import { isRecastCategory } from '@crosscheck/core/constants';
import { StatusText, summary } from './alert-summary.tsx';
import { AlertHistory } from './AlertHistory.tsx';
import { DocumentSection, VehicleSection } from './ObjectSections.tsx';
import { IdentitySection, PersonDocumentsSection, WantedSection, WarningsSection } from './PersonSections.tsx';
import { WalletsSection } from './WalletsSection.tsx';
import { AssetSection, LinkedAlertsSection, linksOf } from './AssetSections.tsx';
import { SavedWarnings } from './SavedWarnings.tsx';
import { RecordSection } from './RecordSection.tsx';
import { ReviewState } from './ReviewState.tsx';

// Loaded only by a bureau that cancels: the form brings zod (jitless) with it.
const CancelAlert = lazy(() => import('../alert-editor/CancelAlert.tsx').then((m) => ({ default: m.CancelAlert })));

/**
 * One alert, grouped as an officer reads it: who or what it is (identity), why it is wanted, what
 * to do, the warnings, the documents, the photos, then the record and its history. Its own bureau
 * edits and cancels it, and corrects and resubmits it when review refused it.
 */
export function AlertDetail({ id, saved, me, navigate, onBack }: { id: string; saved: Saved; me: Me; navigate: (to: string) => void; onBack: () => void }) {
  const { t } = useI18n();
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
  // Only the owner's bureau changes an alert (the API says the same); the buttons follow. A
  // rejected alert is changed to be corrected and resubmitted (CHANGEABLE_STATUSES, from the core).
  const own = a.owner === me.member;
  const changeable = own && roleMay(me.role, 'alert.update') && CHANGEABLE_STATUSES.includes(a.status);
  const cancellable = own && roleMay(me.role, 'alert.cancel') && a.status === 'active';
  const edit = () => navigate(`/alerts?edit=${encodeURIComponent(a.id)}`);
  return (
    <article className="alert-detail" data-testid="alert-detail" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
      <div className="detail-actions">
        {back}
        {changeable && (
          <button type="button" data-testid="alert-edit" onClick={edit}>
            {t('alertEditor.edit')}
          </button>
        )}
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {t(`hit.kind.${a.kind}`)} · <span dir="auto">{summary(t, a)}</span>
      </h1>
      <p className="meta">
        {t('hit.owner')}: {a.owner} · <StatusText status={a.status} reason={a.status === 'rejected' ? null : a.statusReason} />
      </p>
      {/* A read again that failed: the alert stays, said to be possibly out of date, with a retry. */}
      <ResourceView resource={detail} testId="alert-detail">
        {() => null}
      </ResourceView>
      {(saved || cancelled) && (
        <p role="status" className="notice" data-testid="alert-notice">
          {cancelled ? t('alertEditor.cancelled') : saved === 'resubmitted' ? t('alertEditor.resubmitted') : a.status === 'pending-review' ? t('alertEditor.savedReview') : t('alertEditor.saved')}
        </p>
      )}
      {saved && <SavedWarnings alertId={a.id} />}
      {/* Just saved, the notice above already says where the alert stands. */}
      {own && !saved && <ReviewState alert={a} onResubmit={changeable ? edit : null} />}

      {a.kind === 'person' && (
        <>
          <IdentitySection alert={a} />
          {isRecastCategory(a.category) ? <RecastSection alert={a} /> : <WantedSection alert={a} />}
        </>
      )}
      {a.kind === 'document' && <DocumentSection alert={a} />}
      {a.kind === 'vehicle' && <VehicleSection alert={a} />}
      {a.kind === 'asset' && <AssetSection alert={a} />}
      {a.kind === 'asset' && <LinkedAlertsSection links={linksOf(a).personAlerts} title={t('alertDetail.belongsTo')} testId="alert-persons" navigate={navigate} />}
      {a.kind === 'asset' && <LinkedAlertsSection links={linksOf(a).vehicleAlert ? [linksOf(a).vehicleAlert!] : undefined} title={t('alertDetail.vehicleAlert')} testId="alert-vehicle-link" navigate={navigate} />}
      <ActionSection alert={a} />
      {a.kind === 'person' && (
        <>
          <WarningsSection alert={a} />
          <PersonDocumentsSection alert={a} />
          <WalletsSection alert={a} />
          <LinkedAlertsSection links={linksOf(a).assetAlerts} title={t('alertDetail.assets')} help={t('alertDetail.assetsHelp')} testId="alert-assets" navigate={navigate} />
          {/* Photos change on a live or waiting alert (the server's rule); a rejected one is corrected first. */}
          <PhotoPanel alertId={a.id} canEdit={changeable && a.status !== 'rejected'} />
        </>
      )}
      <RecordSection alert={a} />

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
