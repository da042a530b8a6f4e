import { foldForSearch, parseInput, type NoticeColour } from '@crosscheck/core';
import { z } from 'zod';
import { alpha2, noticeSummary } from '../../formats/interpol-notice.js';
import type { Deps } from '../deps.js';
import { photoIdsOf, publicNoticeRows } from './public-notice-source.js';

const country = z.string().trim().regex(/^[A-Za-z]{2,3}$/, 'an ISO 3166 alpha-2 code such as DE');
const age = z.coerce.number().int().min(0).max(150);
/** INTERPOL's own query parameters and limits (at most 160 per page). */
const redQuery = z
  .object({
    forename: z.string().trim().max(100).optional(),
    name: z.string().trim().max(100).optional(),
    nationality: country.optional(),
    ageMin: age.optional(),
    ageMax: age.optional(),
    freeText: z.string().trim().max(200).optional(),
    sexId: z.enum(['M', 'F', 'U']).optional(),
    arrestWarrantCountryId: country.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    resultPerPage: z.coerce.number().int().min(1).max(160).default(20),
  })
  .strict();
export const noticeQuerySchemas = { red: redQuery, yellow: redQuery.omit({ arrestWarrantCountryId: true }) } as const;
type NoticeQuery = z.infer<typeof redQuery>;

/** More public notices than this under one colour are not searched (INTERPOL publishes about 7,000 red). */
const MAX_SCANNED = 20_000;

function ageOn(birthDate: string | undefined, today: string): number | null {
  if (!birthDate) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Without month and day the age is known to within a year: the birthday is taken as passed.
  return birthDate.length === 10 && today.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** The texts a public notice shows (names, places, marks, charge): what freeText may match. */
function publishedText(input: Parameters<typeof noticeSummary>[2]['input']): string[] {
  const p = input.person;
  return [...p.names.flatMap((n) => [n.family, n.given, n.full]), p.birthPlace, p.description?.marks, ...(input.category === 'arrest' ? [p.arrest?.charge ?? input.offence?.description] : [])].filter((x): x is string => x !== undefined);
}

const contains = (haystack: (string | undefined)[], needle: string | undefined) => needle === undefined || haystack.some((h) => h !== undefined && foldForSearch(h).includes(foldForSearch(needle)));

/** GET /public/notices/v1/{red|yellow}: one page of public notices, filtered as INTERPOL's API filters. */
export async function listPublicNotices(deps: Deps, colour: NoticeColour, rawQuery: unknown, base: string) {
  const q: NoticeQuery = parseInput(noticeQuerySchemas[colour], rawQuery);
  const today = deps.clock().toISOString().slice(0, 10);
  const rows = await publicNoticeRows(deps, colour, { limit: MAX_SCANNED });
  const matching = rows.filter(({ owner, input }) => {
    const p = input.person;
    const a = ageOn(p.birthDate, today);
    return (
      // Free text searches what the notice shows, never the alert's other fields (document
      // numbers, case references): those would otherwise be guessable letter by letter.
      contains(publishedText(input), q.freeText) &&
      contains(p.names.flatMap((n) => [n.family, n.full]), q.name) &&
      contains(p.names.flatMap((n) => [n.given, n.full]), q.forename) &&
      (q.nationality === undefined || (p.nationalities ?? []).some((c) => alpha2(c) === q.nationality!.toUpperCase() || c === q.nationality!.toUpperCase())) &&
      (q.ageMin === undefined || (a !== null && a >= q.ageMin)) &&
      (q.ageMax === undefined || (a !== null && a <= q.ageMax)) &&
      (q.sexId === undefined || (p.sex ?? 'U') === q.sexId || (q.sexId === 'U' && p.sex === 'X')) &&
      (q.arrestWarrantCountryId === undefined || alpha2(owner) === q.arrestWarrantCountryId.toUpperCase() || owner === q.arrestWarrantCountryId.toUpperCase())
    );
  });
  const pageItems = matching.slice((q.page - 1) * q.resultPerPage, q.page * q.resultPerPage);
  const photos = await photoIdsOf(deps, pageItems.map((n) => n.id));
  const notices = pageItems.map((n) => noticeSummary(base, colour, { ...n, photoIds: photos.get(n.id) ?? [] }));
  const lastPage = Math.max(1, Math.ceil(matching.length / q.resultPerPage));
  const link = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...q, page }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    return { href: `${base}/public/notices/v1/${colour}?${params.toString()}` };
  };
  return {
    total: matching.length,
    query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
    _embedded: { notices },
    _links: { self: link(q.page), first: link(1), ...(q.page > 1 ? { previous: link(q.page - 1) } : {}), ...(q.page < lastPage ? { next: link(q.page + 1) } : {}), last: link(lastPage) },
  };
}
