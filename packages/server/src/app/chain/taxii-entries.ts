import { validationError } from '@crosscheck/core';
import { decodeNext, encodeNext, FINDING_STIX_TYPES, STIX_ID_SOURCE, findingStixObjects, positionBefore, stixCommonObjects, type ObjectPosition, type StixObject } from '@crosscheck/core/chain';
import { FINDING_LIMITS } from '@crosscheck/core/api/schemas';
import { z } from 'zod';
import { findingsByChange } from '../../store/chain-finding-repo.js';
import { findingFor } from './finding-view.js';
import type { Tx } from '../../store/write-transaction.js';
import type { ReadableCollection } from './taxii-collections.js';
import { TAXII_MAX_PAGE } from './taxii-discovery.js';

const TIMESTAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z';
const VERSIONS = new RegExp(`^(all|last|first|${TIMESTAMP})(,(all|last|first|${TIMESTAMP}))*$`);

export const taxiiObjectsQuerySchema = z
  .object({
    added_after: z
      .string()
      .max(40)
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'a TAXII timestamp such as 2026-12-06T10:00:00.000Z')
      .refine((t) => !Number.isNaN(Date.parse(t)), 'a real date and time')
      .optional(),
    limit: z.coerce.number().int().min(1).optional(),
    next: z.string().max(120).optional(),
    'match[type]': z.string().max(1000).regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'STIX types separated by commas').optional(),
    'match[id]': z.string().max(5000).regex(new RegExp(`^${STIX_ID_SOURCE}(,${STIX_ID_SOURCE})*$`), 'STIX ids separated by commas').optional(),
    'match[version]': z
      .string()
      .max(1000)
      .regex(VERSIONS, 'all, last, first or STIX timestamps, separated by commas')
      .refine((v) => v.split(',').every((x) => ['all', 'first', 'last'].includes(x) || !Number.isNaN(Date.parse(x))), 'real dates and times')
      .optional(),
    'match[spec_version]': z.string().max(100).regex(/^\d\.\d(,\d\.\d)*$/, 'STIX versions such as 2.1, separated by commas').optional(),
  })
  .strict();

export type TaxiiObjectsQuery = z.infer<typeof taxiiObjectsQuerySchema>;

/**
 * Findings looked at for one request at most: a filter that selects few objects of a large
 * collection answers a partial page with `more` and a `next`, rather than building every object.
 */
export const TAXII_MAX_EXAMINED = 1000;
const BATCH = 200;
// A place after every object of a finding: a `next` from there goes on with the following finding.
const AFTER_LAST_OBJECT = 999_999;

export interface TaxiiEnvelope {
  more: boolean;
  next?: string;
  /** STIX objects, or a manifest's records. */
  objects?: unknown[];
}

export interface TaxiiObjectsPage {
  envelope: TaxiiEnvelope;
  /** The date added of the page's first and last objects (X-TAXII-Date-Added-First/Last). */
  firstAdded: string | null;
  lastAdded: string | null;
}

export interface Entry {
  position: ObjectPosition;
  object: StixObject;
}

/** A page of a collection's entries, as objects and manifests both present them. */
export interface EntriesPage {
  entries: Entry[];
  more: boolean;
  next: string | undefined;
}

/**
 * The entries of a collection `member` may read, in the order they were added: first the objects
 * every finding refers to (crosscheck, the location extension's definition, the member's
 * identity), added with the collection's first finding, then each finding's objects, added when
 * what is shared of it last changed. `added_after` keeps those added strictly later, `match[type]`
 * and `match[id]` those of these types or ids; `next` continues a page; `limit` is capped at 1000.
 * At most TAXII_MAX_EXAMINED findings are read per call: past them the page is `more` with a
 * `next`, even when it holds fewer than `limit` objects.
 */
export async function collectionEntries(tx: Tx, member: string, collection: ReadableCollection, q: TaxiiObjectsQuery, contentUrl: (findingId: string) => string): Promise<EntriesPage> {
  const limit = Math.min(q.limit ?? 100, TAXII_MAX_PAGE);
  // Stored times are milliseconds in ISO form; a client's finer or coarser time is read as one.
  const after = q.added_after !== undefined ? new Date(q.added_after).toISOString() : undefined;
  const from = q.next !== undefined ? decodeNext(q.next) : undefined;
  if (q.next !== undefined && from === undefined) throw validationError('next', 'not a `next` this server gave');
  const types = q['match[type]'] !== undefined ? new Set(q['match[type]'].split(',')) : undefined;
  const ids = q['match[id]'] !== undefined ? new Set(q['match[id]'].split(',')) : undefined;
  // One version of each object is kept, so all, first and last all select it; a timestamp selects
  // the objects whose version (modified, or the date added of an SCO) it is.
  const versionList = q['match[version]']?.split(',') ?? ['last'];
  const anyVersion = versionList.some((v) => v === 'all' || v === 'first' || v === 'last');
  const versions = new Set(versionList.filter((v) => !['all', 'first', 'last'].includes(v)).map((v) => new Date(v).toISOString()));
  // Every object here is STIX 2.1: asking for other versions alone selects none.
  if (q['match[spec_version]'] !== undefined && !q['match[spec_version]'].split(',').includes('2.1')) return { entries: [], more: false, next: undefined };

  const keep = (p: ObjectPosition, o: StixObject) =>
    (after === undefined || p.at > after) &&
    (from === undefined || !positionBefore(p, from)) &&
    (types === undefined || types.has(o.type)) &&
    (ids === undefined || ids.has(o.id)) &&
    (anyVersion || versions.has(typeof o.modified === 'string' ? o.modified : p.at));
  const entries: Entry[] = [];
  const shared = { at: collection.firstAddedAt, finding: '' };
  stixCommonObjects([collection.owner]).forEach((object, index) => {
    const position = { ...shared, index };
    if (keep(position, object)) entries.push({ position, object });
  });
  // Types asked for, by name or by id: when a finding gives none of them, no finding is read.
  const wanted = [...(types ?? []), ...[...(ids ?? [])].map((id) => id.slice(0, id.indexOf('--')))];
  const findingsWanted = (types === undefined && ids === undefined) || wanted.some((t) => FINDING_STIX_TYPES.includes(t));
  let cursor: { at: string; id: string; exclusive?: boolean } | undefined = from ? { at: from.at, id: from.finding } : undefined;
  let examined = 0;
  let stoppedAfter: ObjectPosition | undefined;
  read: while (findingsWanted && entries.length <= limit) {
    const batchSize = Math.min(BATCH, TAXII_MAX_EXAMINED - examined);
    const batch = await findingsByChange(tx, { reader: member, owner: collection.owner, after, from: cursor, limit: batchSize, maxLocations: FINDING_LIMITS.locationsShown });
    for (const f of batch) {
      examined++;
      if (findingFor(member, f)) {
        findingStixObjects(f, { contentUrl, contentKept: () => f.contentKept }).forEach((object, index) => {
          const position = { at: f.changedAt, finding: f.id, index };
          if (keep(position, object)) entries.push({ position, object });
        });
      }
      if (entries.length > limit) break read;
      if (examined >= TAXII_MAX_EXAMINED) {
        stoppedAfter = { at: f.changedAt, finding: f.id, index: AFTER_LAST_OBJECT };
        break read;
      }
    }
    if (batch.length < batchSize) break;
    const last = batch[batch.length - 1]!;
    cursor = { at: last.changedAt, id: last.id, exclusive: true };
  }
  if (entries.length > limit) return { entries: entries.slice(0, limit), more: true, next: encodeNext(entries[limit]!.position) };
  return { entries, more: stoppedAfter !== undefined, next: stoppedAfter && encodeNext(stoppedAfter) };
}

/** The findings whose objects a page hands out, for its audit entry (as finding.list records its ids). */
export const findingIdsOf = (page: EntriesPage): string[] => [...new Set(page.entries.map((e) => e.position.finding).filter((id) => id !== ''))];

/** A page as TAXII's envelope (objects) or manifest (records) gives it, with its first and last dates added. */
export const pageOf = (page: EntriesPage, objects: unknown[]): TaxiiObjectsPage => ({
  envelope: { more: page.more, ...(page.next !== undefined ? { next: page.next } : {}), ...(objects.length > 0 ? { objects } : {}) },
  firstAdded: page.entries[0]?.position.at ?? null,
  lastAdded: page.entries[page.entries.length - 1]?.position.at ?? null,
});

