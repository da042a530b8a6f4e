import { useState } from 'react';
import { dashboardApi, type DashboardStats } from '../api/dashboard.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { useResource } from '../data/use-resource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { pagesFor, type PageProps } from '../routes.ts';
import { CountsTable } from './dashboard/CountsTable.tsx';
import { HitsChart } from './dashboard/HitsChart.tsx';
import { HitsMap } from './dashboard/HitsMap.tsx';
import { OverdueList } from './dashboard/OverdueList.tsx';
import './dashboard.css';
import { dateTime } from '../i18n/dates.ts';

const PERIODS = [7, 30, 90, 365] as const;

/** The member's figures at a glance: read-only, refreshed on demand. */
export function DashboardPage({ me, navigate }: PageProps) {
  const { t, language } = useI18n();
  const [days, setDays] = useState<number>(30);
  // Figures already shown stay on screen while another period loads.
  const stats = useResource(`stats:${days}`, (signal) => dashboardApi.stats(days, signal), { keepPrevious: true });

  const busy = stats.pending !== null;

  return (
    <div className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p className="help">{t('dashboard.intro', { member: me.member })}</p>
      <div className="dashboard-toolbar">
        <label>
          {t('dashboard.period')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="dashboard-period">
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t('dashboard.lastDays', { days: d })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={stats.reload} disabled={busy}>
          {t('dashboard.refresh')}
        </button>
        <p role="status" className="status" data-testid="dashboard-status">
          {busy ? (stats.data === undefined ? t('common.loading') : t('dashboard.refreshing')) : stats.data && !stats.stale ? t('dashboard.updatedAt', { time: dateTime(language, stats.data.at, true) }) : ''}
        </p>
      </div>

      {/* The toolbar says "loading"; the view adds the failure and the figures. */}
      {stats.status !== 'loading' && (
        <ResourceView resource={stats} failed={(detail) => t('dashboard.failed', { detail })} testId="dashboard" quietRefresh>
          {(data) => <Figures stats={data} canOpenHits={pagesFor(me.role).some((p) => p.id === 'hits')} navigate={navigate} />}
        </ResourceView>
      )}
    </div>
  );
}

function Figures({ stats, canOpenHits, navigate }: { stats: DashboardStats; canOpenHits: boolean; navigate: (to: string) => void }) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language);
  const { totals } = stats.hits;
  const anyHits = totals.onOurAlerts + totals.byOurScreening > 0;
  return (
    <>
      <CountsTable id="counts-own" title={t('dashboard.alerts.own')} counts={stats.alerts.own} navigate={navigate} />
      <CountsTable id="counts-visible" title={t('dashboard.alerts.visible')} counts={stats.alerts.visible} navigate={navigate} />

      <section className="card" aria-labelledby="hits-title" data-testid="hits-section">
        <h2 id="hits-title">{t('dashboard.hits.title')}</h2>
        {anyHits ? (
          <>
            <p data-testid="hits-totals">
              {t('dashboard.hits.totals', { days: stats.days, onOurAlerts: number.format(totals.onOurAlerts), byOurScreening: number.format(totals.byOurScreening) })}
            </p>
            <HitsChart perDay={stats.hits.perDay} days={stats.days} />
          </>
        ) : (
          <p className="empty" data-testid="hits-empty">
            {t('dashboard.hits.empty', { days: stats.days })}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="map-title" data-testid="map-section">
        <h2 id="map-title">{t('dashboard.map.title')}</h2>
        <HitsMap byCountry={stats.hits.byCountry} days={stats.days} />
      </section>

      <section className="card" aria-labelledby="overdue-title" data-testid="overdue-section">
        <h2 id="overdue-title">{t('dashboard.overdue.title')}</h2>
        <OverdueList items={stats.overdue.items} total={stats.overdue.total} canOpenHits={canOpenHits} navigate={navigate} />
      </section>
    </>
  );
}
