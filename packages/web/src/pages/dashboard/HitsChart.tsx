import type { DayHits } from '../../api/dashboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { dayLabel } from './format.ts';

const SERIES = [
  { key: 'onOurAlerts', label: 'dashboard.hits.onOurAlerts', className: 'series-ours' },
  { key: 'byOurScreening', label: 'dashboard.hits.byOurScreening', className: 'series-screening' },
] as const;

// Drawing units of the viewBox; the SVG scales to the card's width.
const W = 720;
const H = 220;
const M = { top: 12, right: 12, bottom: 28, left: 36 };

/** The smallest of 1, 2, 5 × 10^k at or above `n`, so the axis reads in round numbers. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

/**
 * Hits per day as grouped bars, drawn by hand in SVG (two series: on our alerts, by our
 * screenings). Time runs left to right in every language; screen readers get a summary and the
 * table of days with hits.
 */
export function HitsChart({ perDay, days }: { perDay: readonly DayHits[]; days: number }) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language);
  const top = niceCeiling(Math.max(0, ...perDay.flatMap((d) => [d.onOurAlerts, d.byOurScreening])));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, perDay.length);
  const barW = Math.max(1, (slot * 0.8) / SERIES.length);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  // A handful of day labels: first, last and evenly between, so they never overlap.
  const every = Math.max(1, Math.ceil(perDay.length / 6));
  const labelled = perDay.map((_, i) => i === perDay.length - 1 || (i % every === 0 && perDay.length - 1 - i >= every / 2));
  const withHits = perDay.filter((d) => d.onOurAlerts + d.byOurScreening > 0);
  const title = t('dashboard.hits.chart', { days });

  return (
    <div className="hits-chart">
      <ul className="chart-legend">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className={`swatch ${s.className}`} aria-hidden="true" /> {t(s.label)}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="hits-chart">
        {[0, top / 2, top].map((v) => (
          <g key={v} className="grid">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {Number.isInteger(v) ? number.format(v) : ''}
            </text>
          </g>
        ))}
        {perDay.map((d, i) => (
          <g key={d.day}>
            {SERIES.map((s, j) =>
              d[s.key] > 0 ? (
                <rect
                  key={s.key}
                  className={`bar ${s.className}`}
                  data-testid="hit-bar"
                  data-day={d.day}
                  data-series={s.key}
                  data-count={d[s.key]}
                  x={M.left + i * slot + slot * 0.1 + j * barW}
                  // At least two units high, so a single hit among many still shows.
                  y={Math.min(y(d[s.key]), M.top + plotH - 2)}
                  width={barW}
                  height={Math.max(2, M.top + plotH - y(d[s.key]))}
                >
                  <title>{t('dashboard.hits.bar', { day: dayLabel(language, d.day, true), count: number.format(d[s.key]), series: t(s.label) })}</title>
                </rect>
              ) : null,
            )}
            {labelled[i] && (
              <text className="day" x={M.left + i * slot + slot / 2} y={H - 8} textAnchor="middle">
                {dayLabel(language, d.day)}
              </text>
            )}
          </g>
        ))}
      </svg>
      {withHits.length > 0 && (
        <details>
          <summary>{t('dashboard.hits.perDay')}</summary>
          <table data-testid="hits-per-day">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.hits.day')}</th>
                {SERIES.map((s) => (
                  <th scope="col" key={s.key} className="num">
                    {t(s.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {withHits.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dayLabel(language, d.day, true)}</th>
                  {SERIES.map((s) => (
                    <td key={s.key} className="num">
                      {number.format(d[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
