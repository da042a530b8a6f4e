import { parseInput, requirePermission, validationError } from '@crosscheck/core';
import { decodeNext, encodeNext, findingStixObjects, positionBefore, stixCommonObjects, type ObjectPosition, type StixObject } from '@crosscheck/core/chain';
import { z } from 'zod';
import { findingsByChange } from '../../store/chain-finding-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { findingFor } from './finding-view.js';
import { readableCollection } from './taxii-collections.js';
import { TAXII_MAX_PAGE } from './taxii-discovery.js';

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
  })
  .strict();

export interface TaxiiEnvelope {
  more: boolean;
  next?: string;
  objects?: StixObject[];
}

export interface TaxiiObjectsPage {
  envelope: TaxiiEnvelope;
  /** The date added of the page's first and last objects (X-TAXII-Date-Added-First/Last). */
  firstAdded: string | null;
  lastAdded: string | null;
}

interface Entry {
  position: ObjectPosition;
  object: StixObject;
}

/**
 * A page of a collection's objects (`taxii.list-objects`), in the order they were added: first the
 * objects every finding refers to (crosscheck, the location extension's definition, the member's
 * identity), added with the collection's first finding, then each finding's objects, added when
 * what is shared of it last changed. `added_after` keeps those added strictly later; `next`
 * continues a page; `limit` is capped at 1000.
 */
export async function listTaxiiObjects(deps: Deps, ctx: Ctx, collectionId: string, query: unknown, contentUrl: (findingId: string) => string): Promise<TaxiiObjectsPage> {
  return audited(deps, ctx, 'taxii.list-objects', async (tx, note) => {
    note.target = `taxii-collection:${collectionId.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.read');
    const q = parseInput(taxiiObjectsQuerySchema, query);
    const collection = await readableCollection(tx, ctx.actor.member, collectionId);
    const limit = Math.min(q.limit ?? 100, TAXII_MAX_PAGE);
    // Stored times are milliseconds in ISO form; a client's finer or coarser time is read as one.
    const after = q.added_after !== undefined ? new Date(q.added_after).toISOString() : undefined;
    const from = q.next !== undefined ? decodeNext(q.next) : undefined;
    if (q.next !== undefined && from === undefined) throw validationError('next', 'not a `next` this server gave');

    const keep = (p: ObjectPosition) => (after === undefined || p.at > after) && (from === undefined || !positionBefore(p, from));
    const entries: Entry[] = [];
    const shared = { at: collection.firstAddedAt, finding: '' };
    stixCommonObjects([collection.owner]).forEach((object, index) => {
      const position = { ...shared, index };
      if (keep(position)) entries.push({ position, object });
    });
    const member = ctx.actor.member;
    let cursor: { at: string; id: string; exclusive?: boolean } | undefined = from ? { at: from.at, id: from.finding } : undefined;
    while (entries.length <= limit) {
      const batch = await findingsByChange(tx, { reader: member, owner: collection.owner, after, from: cursor, limit: 200 });
      for (const f of batch) {
        if (!findingFor(member, f)) continue;
        const objects = findingStixObjects(f, { contentUrl, contentKept: () => f.contentKept });
        objects.forEach((object, index) => {
          const position = { at: f.changedAt, finding: f.id, index };
          if (keep(position)) entries.push({ position, object });
        });
        if (entries.length > limit) break;
      }
      if (batch.length < 200) break;
      const last = batch[batch.length - 1]!;
      cursor = { at: last.changedAt, id: last.id, exclusive: true };
    }
    const page = entries.slice(0, limit);
    const more = entries.length > limit;
    note.detail = { addedAfter: after ?? null, next: q.next ?? null, limit, count: page.length };
    return {
      envelope: { more, ...(more ? { next: encodeNext(entries[limit]!.position) } : {}), ...(page.length > 0 ? { objects: page.map((e) => e.object) } : {}) },
      firstAdded: page[0]?.position.at ?? null,
      lastAdded: page[page.length - 1]?.position.at ?? null,
    };
  });
}
