import type { AlertInput, NoticeColour } from '@crosscheck/core';
import countries from 'i18n-iso-countries';

/**
 * Alerts as INTERPOL's public notice API shows notices (ws-public.interpol.int, described by
 * the community OpenAPI file in ../shared/testdata/notices): snake_case fields, dates as
 * YYYY/MM/DD, countries as ISO alpha-2, height in metres, HAL-style `_links` and `_embedded`.
 * What that API has and we do not hold (languages spoken, parents' names, date of the event)
 * is null or empty, as INTERPOL itself leaves unknown fields.
 */
type PersonInput = Extract<AlertInput, { kind: 'person' }>;

export interface NoticeSource {
  id: string;
  owner: string;
  input: PersonInput;
  /** Ids of the alert's photos, oldest first. */
  photoIds: string[];
}

/** ISO alpha-2 where the code has one; ICAO-only codes (UTO) and organisations (IPO) stay as they are. */
export function alpha2(code: string): string {
  return countries.alpha3ToAlpha2(code) ?? code;
}

const noticeDate = (d: string | undefined) => (d ? d.replaceAll('-', '/') : null);

function primaryName(p: PersonInput['person']): { name: string | null; forename: string | null } {
  const n = p.names.find((x) => x.type === undefined || x.type === 'primary') ?? p.names[0]!;
  if (n.family || n.given) return { name: n.family ?? null, forename: n.given ?? null };
  return { name: n.full ?? null, forename: null };
}

export function noticeLinks(base: string, colour: NoticeColour, n: NoticeSource) {
  const self = `${base}/public/notices/v1/${colour}/${encodeURIComponent(n.id)}`;
  return {
    self: { href: self },
    images: { href: `${self}/images` },
    ...(n.photoIds[0] ? { thumbnail: { href: `${self}/images/${encodeURIComponent(n.photoIds[0])}` } } : {}),
  };
}

/** One notice in a list, as INTERPOL's list items. */
export function noticeSummary(base: string, colour: NoticeColour, n: NoticeSource) {
  const p = n.input.person;
  return { ...primaryName(p), date_of_birth: noticeDate(p.birthDate), entity_id: n.id, nationalities: (p.nationalities ?? []).map(alpha2), _links: noticeLinks(base, colour, n) };
}

/** The detail of a red (wanted) or yellow (missing) notice. */
export function noticeDetail(base: string, colour: NoticeColour, n: NoticeSource) {
  const a = n.input;
  const p = a.person;
  const d = p.description;
  const common = {
    ...primaryName(p),
    entity_id: n.id,
    date_of_birth: noticeDate(p.birthDate),
    place_of_birth: p.birthPlace ?? null,
    country_of_birth_id: p.birthCountry ? alpha2(p.birthCountry) : null,
    nationalities: (p.nationalities ?? []).map(alpha2),
    sex_id: p.sex === 'M' || p.sex === 'F' ? p.sex : 'U',
    height: d?.heightCm ? d.heightCm / 100 : null,
    weight: d?.weightKg ?? null,
    eyes_colors_id: d?.eyes ? [d.eyes] : [],
    hairs_id: d?.hair ? [d.hair] : [],
    distinguishing_marks: d?.marks ?? null,
    languages_spoken_ids: [] as string[],
    _embedded: { links: [] as unknown[] },
    _links: noticeLinks(base, colour, n),
  };
  if (colour === 'red') {
    const charge = p.arrest?.charge ?? a.offence?.description ?? null;
    return { ...common, arrest_warrants: [{ issuing_country_id: alpha2(n.owner), charge, charge_translation: null }] };
  }
  const birth = p.names.find((x) => x.type === 'birth');
  return { ...common, birth_name: birth ? (birth.full ?? [birth.given, birth.family].filter(Boolean).join(' ')) : null, country: alpha2(n.owner), place: null, date_of_event: null, father_forename: null, mother_forename: null, mother_name: null };
}

/** The images of a notice, as INTERPOL lists them. */
export function noticeImages(base: string, colour: NoticeColour, n: NoticeSource) {
  const links = noticeLinks(base, colour, n);
  return {
    _embedded: { images: n.photoIds.map((id) => ({ picture_id: id, _links: { self: { href: `${links.images.href}/${encodeURIComponent(id)}` } } })) },
    _links: { self: links.images, notice: links.self },
  };
}
