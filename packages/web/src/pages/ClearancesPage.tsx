import { useCallback, useState } from 'react';
import { clearancesApi, type ClearanceFilters, type ClearanceSide, type ClearanceStatus, type ClearanceView } from '../api/clearances.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { useResource } from '../data/use-resource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { ClearanceCard } from './clearances/ClearanceCard.tsx';
import { page as hitsPage } from './hits.meta.ts';
import './clearances.css';

const PAGE_SIZE = 25;
const STATUSES: readonly ClearanceStatus[] = ['active', 'revoked', 'objected', 'superseded', 'withdrawn'];
const SIDES: readonly ClearanceSide[] = ['mine', 'on-my-alerts'];

/**
 * Cleared travellers: the member's own "not the same person" decisions that keep an alert's owner
 * from being told again of the same traveller, and those others made on the member's alerts. The
 * clearing member revokes its own; the owner's bureau objects. Nobody else sees them.
 */
export function ClearancesPage({ me, navigate }: PageProps) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<ClearanceFilters>({ status: 'active' });
  const list = useResource(`clearances:${JSON.stringify(filters)}`, (signal) => clearancesApi.list(filters, PAGE_SIZE, undefined, signal));
  // The hit's page is the bureau's inbox (pages/hits.meta.ts); a desk records outcomes from the console.
  const mayOpenHits = hitsPage.roles.includes(me.role);
  const { mutate } = list;
  const onChanged = useCallback((changed: ClearanceView) => mutate((page) => ({ ...page, items: page.items.map((c) => (c.id === changed.id ? changed : c)) })), [mutate]);
  const showMore = () =>
    list.more(async (shown, signal) => {
      const page = await clearancesApi.list(filters, PAGE_SIZE, shown.next ?? undefined, signal);
      return { items: [...shown.items, ...page.items], next: page.next };
    });

  return (
    <div className="clearances">
      <h1>{t('clearances.title')}</h1>
      <p className="help">{t('clearances.intro')}</p>
      <form className="card clearance-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('clearances.status')}
          <select value={filters.status ?? ''} onChange={(e) => setFilters((f) => ({ ...f, status: (e.target.value || undefined) as ClearanceStatus | undefined }))} data-testid="clearance-filter-status">
            <option value="">{t('clearances.statusAny')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`clearances.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('clearances.side')}
          <select value={filters.side ?? ''} onChange={(e) => setFilters((f) => ({ ...f, side: (e.target.value || undefined) as ClearanceSide | undefined }))} data-testid="clearance-filter-side">
            <option value="">{t('clearances.sideAny')}</option>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {t(`clearances.side.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ResourceView resource={list} failed={(detail) => t('clearances.failed', { detail })} isEmpty={(page) => page.items.length === 0} empty={t('clearances.empty')} testId="clearances">
        {(page) => (
          <>
            <div className="clearance-list" data-testid="clearance-list">
              {page.items.map((c) => (
                <ClearanceCard key={c.id} clearance={c} navigate={navigate} onChanged={onChanged} mayOpenHit={mayOpenHits} />
              ))}
            </div>
            {page.next && (
              <button type="button" disabled={list.pending === 'more'} onClick={showMore}>
                {list.pending === 'more' ? t('common.loading') : t('clearances.more')}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}
