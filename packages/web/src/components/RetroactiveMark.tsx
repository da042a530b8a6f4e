import type { HitView } from '@crosscheck/core/api';
import { dateTime } from '../i18n/dates.ts';
import type { Language } from '../i18n/dictionary.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { memberText, screeningMemberOf } from './hit-words.ts';
import './retroactive.css';

/** Where the traveller of a hit found after the fact was screened: the flight, or the screening member. */
export function retroactivePlace(hit: HitView, t: Translate, language: Language): string {
  const place = hit.retroactive?.place;
  if (!place) return t('retroactive.noPlace', { member: memberText(screeningMemberOf(hit), t, language) });
  // Each value isolated left-to-right (LRI … PDI): flight numbers, airport codes and the departure
  // are Latin letters and digits; an FSI found no strong letter in a date such as 2024-03-01 10:30 and
  // took the Arabic sentence's direction, so the date came out reordered and split across lines.
  const iso = (v: string) => `\u2066${v}\u2069`;
  // The departure kept on one line (non-breaking hyphens and space): broken after "2024-", a line's
  // hyphen stood on the wrong side in Arabic.
  const unbroken = (v: string) => v.replace('T', '\u00a0').replace(/-/g, '\u2011');
  const parts = { flight: iso(place.flight), from: iso(place.from ?? t('retroactive.unknownAirport')), to: iso(place.to ?? t('retroactive.unknownAirport')) };
  return place.departure ? t('retroactive.flightDeparture', { ...parts, departure: iso(unbroken(place.departure)) }) : t('retroactive.flight', parts);
}

/**
 * In the inbox, beside the hit's time: "found after the fact", with when and where the traveller
 * was screened (a hit found after the fact is about a traveller who has crossed already).
 */
export function RetroactiveBadge({ hit }: { hit: HitView }) {
  const { t, language } = useI18n();
  if (!hit.retroactive) return null;
  return (
    <span className="retroactive" data-testid="retroactive-mark">
      <span className="badge retro" title={t('retroactive.explain')}>
        {t('retroactive.badge')}
      </span>{' '}
      <span className="retroactive__when">
        {t('retroactive.screenedAt', { at: dateTime(language, hit.retroactive.screenedAt) })} · <bdi>{retroactivePlace(hit, t, language)}</bdi>
      </span>
    </span>
  );
}

/** In a hit's summary (a `<dl>`): the mark, then the original screening's time and place. */
export function RetroactiveRows({ hit }: { hit: HitView }) {
  const { t, language } = useI18n();
  if (!hit.retroactive) return null;
  return (
    <>
      <dt>{t('retroactive.badge')}</dt>
      <dd data-testid="retroactive-detail">
        <span className="badge retro">{t('retroactive.badge')}</span> <span className="help">{t('retroactive.explain')}</span>
      </dd>
      <dt>{t('retroactive.screenedAtLabel')}</dt>
      <dd data-testid="retroactive-screened-at">{dateTime(language, hit.retroactive.screenedAt)}</dd>
      <dt>{t('retroactive.placeLabel')}</dt>
      <dd data-testid="retroactive-place">
        <bdi>{retroactivePlace(hit, t, language)}</bdi>
      </dd>
    </>
  );
}
