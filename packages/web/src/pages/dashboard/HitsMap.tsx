import 'leaflet/dist/leaflet.css';
import { control, geoJSON, map as leafletMap, type Map as LeafletMap } from 'leaflet';
import { useEffect, useId, useMemo, useRef } from 'react';
import type { CountryHits } from '../../api/dashboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { colourOf, hitClasses, type HitClass } from './choropleth.ts';
import { countryName } from './format.ts';
import { COUNTRY_SHAPES, MAPPED, type CountryShape } from './world-shapes.ts';

// The inhabited world as [south-west, north-east]: Antarctica is left out of the shapes, and
// Chukotka lies east of 180° once Russia is drawn in one piece (world-shapes.ts).
const WORLD: [[number, number], [number, number]] = [[-50, -168], [75, 190]];

/**
 * Hits on our alerts by screening country: a choropleth of bundled country shapes in leaflet
 * (no tile layer: nothing is fetched from anywhere), its legend, and the same figures as a table
 * for keyboard and screen-reader users and for members that have no shape (organisations, small
 * states at this scale).
 */
export function HitsMap({ byCountry, days }: { byCountry: readonly CountryHits[]; days: number }) {
  const { t, language } = useI18n();
  const tableId = useId();
  const classes = useMemo(() => hitClasses(Math.max(0, ...byCountry.map((c) => c.count))), [byCountry]);
  const coloured = byCountry.filter((c) => c.numeric !== null && MAPPED.has(c.numeric)).length;
  const number = new Intl.NumberFormat(language);

  if (byCountry.length === 0) return <p className="empty">{t('dashboard.map.empty', { days })}</p>;

  return (
    <div className="hits-map">
      <LeafletChoropleth byCountry={byCountry} classes={classes} describedBy={tableId} coloured={coloured} />
      <Legend classes={classes} />
      <table id={tableId} data-testid="country-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.map.country')}</th>
            <th scope="col" className="num">
              {t('dashboard.map.hits')}
            </th>
          </tr>
        </thead>
        <tbody>
          {byCountry.map((c) => (
            <tr key={c.member} data-member={c.member}>
              <th scope="row">
                <span className="swatch" style={{ backgroundColor: colourOf(classes, c.count) ?? undefined }} aria-hidden="true" />{' '}
                <span dir="auto">{countryName(language, c)}</span> <span className="code">({c.member})</span>
                {c.numeric === null || !MAPPED.has(c.numeric) ? <span className="muted"> {t('dashboard.map.notOnMap')}</span> : null}
              </th>
              <td className="num">{number.format(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ classes }: { classes: readonly HitClass[] }) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language);
  return (
    <div className="map-legend" data-testid="map-legend">
      <span className="legend-title">{t('dashboard.map.legend')}</span>
      <ul>
        <li>
          <span className="swatch none" aria-hidden="true" /> {t('dashboard.map.noHits')}
        </li>
        {classes.map((c) => (
          <li key={c.from}>
            <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" /> {c.from === c.to ? number.format(c.from) : `${number.format(c.from)}–${number.format(c.to)}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ChoroplethProps {
  byCountry: readonly CountryHits[];
  classes: readonly HitClass[];
  describedBy: string;
  coloured: number;
}

/** The leaflet map itself; React owns the container, leaflet what is inside it. */
function LeafletChoropleth({ byCountry, classes, describedBy, coloured }: ChoroplethProps) {
  const { t, language } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);

  // One map for the component's life; its zoom buttons are relabelled when the language changes.
  useEffect(() => {
    const el = container.current!;
    const m = leafletMap(el, { zoomControl: false, attributionControl: false, minZoom: 0, maxZoom: 6, maxBounds: [[-85, -240], [85, 260]], zoomSnap: 0.25 });
    mapRef.current = m;
    // Fitted whenever the box changes size (first layout, window resized), so the world fills it.
    const resized = new ResizeObserver(() => {
      m.invalidateSize();
      m.fitBounds(WORLD);
    });
    resized.observe(el);
    return () => {
      resized.disconnect();
      m.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const m = mapRef.current;
    if (!m) return;
    const zoom = control.zoom({ position: 'topleft', zoomInTitle: t('dashboard.map.zoomIn'), zoomOutTitle: t('dashboard.map.zoomOut') }).addTo(m);
    return () => void zoom.remove();
  }, [t]);

  // The shapes are redrawn when the figures or the language (tooltips) change.
  useEffect(() => {
    const m = mapRef.current;
    if (!m) return;
    const byNumeric = new Map(byCountry.filter((c) => c.numeric !== null).map((c) => [c.numeric!, c]));
    const number = new Intl.NumberFormat(language);
    const layer = geoJSON(COUNTRY_SHAPES, {
      style: (f) => {
        const hits = byNumeric.get(String((f as CountryShape).id));
        const colour = hits ? colourOf(classes, hits.count) : null;
        return { className: colour ? 'country has-hits' : 'country', color: '#7b8794', weight: 0.6, fillColor: colour ?? '#f4f5f7', fillOpacity: 1 };
      },
      onEachFeature: (f, l) => {
        const hits = byNumeric.get(String((f as CountryShape).id));
        if (!hits) return;
        // Text content, never HTML: a member's registered name is data.
        const tip = document.createElement('span');
        tip.dir = 'auto';
        tip.textContent = t('dashboard.map.tooltip', { name: countryName(language, hits), count: number.format(hits.count) });
        l.bindTooltip(tip, { sticky: true, direction: 'top' });
      },
    }).addTo(m);
    return () => void layer.remove();
  }, [byCountry, classes, language, t]);

  return (
    <div
      ref={container}
      className="map"
      data-testid="hits-map"
      data-coloured={coloured}
      role="region"
      aria-label={t('dashboard.map.label')}
      aria-describedby={describedBy}
      // Leaflet lays its panes out left to right; the page around it may be right to left.
      dir="ltr"
    />
  );
}
