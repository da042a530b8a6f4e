import { parseInput, requirePermission } from '@crosscheck/core';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { readableCollection } from './taxii-collections.js';
import { collectionEntries, findingIdsOf, pageOf, taxiiObjectsQuerySchema, type TaxiiObjectsPage } from './taxii-entries.js';

/** A page of a collection's objects (`taxii.list-objects`). */
export async function listTaxiiObjects(deps: Deps, ctx: Ctx, collectionId: string, query: unknown, contentUrl: (findingId: string) => string): Promise<TaxiiObjectsPage> {
  return audited(deps, ctx, 'taxii.list-objects', async (tx, note) => {
    note.target = `taxii-collection:${collectionId.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.read');
    const q = parseInput(taxiiObjectsQuerySchema, query);
    const collection = await readableCollection(tx, ctx.actor.member, collectionId);
    const page = await collectionEntries(tx, ctx.actor.member, collection, q, contentUrl);
    note.detail = { query: q, count: page.entries.length, ids: findingIdsOf(page) };
    return pageOf(page, page.entries.map((e) => e.object));
  });
}
