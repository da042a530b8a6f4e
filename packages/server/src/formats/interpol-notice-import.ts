import { PERSON_CATEGORIES } from '@crosscheck/core';
import countries from 'i18n-iso-countries';

type PersonCategory = (typeof PERSON_CATEGORIES)[number];

/** A notice file is read whole: a detail, a list page, or JSON lines of details. */
export const MAX_NOTICE_FILE_BYTES = 5 * 1024 * 1024;

const s = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

/** INTERPOL writes ISO alpha-2; an alpha-3 code (ours for ICAO-only states) is kept. */
function alpha3(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) return countries.alpha2ToAlpha3(c) ?? undefined;
  return /^[A-Z]{3}$/.test(c) ? c : undefined;
}

/** 1958/11/05, 1958/11 or 1958 as our partial date. */
const date = (v: unknown) => s(v)?.replaceAll('/', '-');

/** The colour a notice says it is: a red one carries arrest warrants, and each links to itself. */
function categoryOf(n: Record<string, unknown>, fallback: PersonCategory): PersonCategory {
  if (Array.isArray(n.arrest_warrants)) return 'arrest';
  const self = s((n._links as { self?: { href?: unknown } } | undefined)?.self?.href) ?? '';
  if (/\/notices\/v1\/red\//.test(self)) return 'arrest';
  if (/\/notices\/v1\/yellow\//.test(self)) return 'missing';
  return fallback;
}

/**
 * One INTERPOL public notice (detail or list item) as a person alert body. Fields crosscheck
 * has no place for (languages spoken, parents' names, the date and place of a disappearance)
 * are not kept; docs/formats.md lists them. The body is validated by the API's schema after.
 */
export function noticeToAlertBody(n: Record<string, unknown>, fallback: PersonCategory, visibility: unknown): Record<string, unknown> {
  const category = categoryOf(n, fallback);
  const family = s(n.name);
  const given = s(n.forename);
  const names: Record<string, unknown>[] = [{ ...(family ? { family } : {}), ...(given ? { given } : {}) }];
  const birthName = s(n.birth_name);
  if (birthName) names.push({ full: birthName, type: 'birth' });
  const height = typeof n.height === 'number' && n.height > 0 ? Math.round(n.height < 3 ? n.height * 100 : n.height) : undefined;
  const weight = typeof n.weight === 'number' && n.weight > 0 ? Math.round(n.weight) : undefined;
  const description = {
    ...(height ? { heightCm: height } : {}),
    ...(weight ? { weightKg: weight } : {}),
    ...(list(n.eyes_colors_id)[0] ? { eyes: list(n.eyes_colors_id)[0] } : {}),
    ...(list(n.hairs_id)[0] ? { hair: list(n.hairs_id)[0] } : {}),
    ...(s(n.distinguishing_marks) ? { marks: s(n.distinguishing_marks) } : {}),
  };
  const warrant = (Array.isArray(n.arrest_warrants) ? n.arrest_warrants[0] : undefined) as Record<string, unknown> | undefined;
  const charge = s(warrant?.charge);
  const nationalities = list(n.nationalities).map(alpha3).filter((c): c is string => c !== undefined);
  const birthCountry = s(n.country_of_birth_id) ? alpha3(s(n.country_of_birth_id)!) : undefined;
  const sex = s(n.sex_id);
  const id = s(n.entity_id)?.replaceAll('/', '-');
  return {
    kind: 'person',
    category,
    person: {
      names,
      ...(sex === 'M' || sex === 'F' ? { sex } : {}),
      ...(date(n.date_of_birth) ? { birthDate: date(n.date_of_birth) } : {}),
      ...(s(n.place_of_birth) ? { birthPlace: s(n.place_of_birth) } : {}),
      ...(birthCountry ? { birthCountry } : {}),
      ...(nationalities.length ? { nationalities } : {}),
      ...(Object.keys(description).length ? { description } : {}),
      ...(charge ? { arrest: { charge } } : {}),
    },
    ...(charge ? { offence: { description: charge } } : {}),
    ...(id && /^[A-Za-z0-9._-]{1,100}$/.test(id) ? { sourceRef: `interpol:${id}` } : {}),
    visibility,
  };
}

/** The notices in a file: a detail object, a list page (`_embedded.notices`), or JSON lines of either. */
export function noticesIn(text: string): { line: number; notice: Record<string, unknown> }[] | { line: number; reason: string } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const expand = (v: unknown, line: number) => {
    const page = isObject(v) && isObject(v._embedded) && Array.isArray(v._embedded.notices) ? v._embedded.notices : [v];
    return page.filter(isObject).map((notice) => ({ line, notice }));
  };
  try {
    return expand(JSON.parse(text), 1);
  } catch {
    // Not one JSON document: JSON lines, one notice or page per line.
  }
  const out: { line: number; notice: Record<string, unknown> }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    try {
      for (const n of expand(JSON.parse(lines[i]!), i + 1)) out.push(n);
    } catch (e) {
      return { line: i + 1, reason: `not JSON: ${(e as Error).message}` };
    }
  }
  return out;
}
