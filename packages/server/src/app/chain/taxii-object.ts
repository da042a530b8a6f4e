import { notFound, parseInput, requirePermission } from '@crosscheck/core';
import { STIX_ID } from '@crosscheck/core/chain';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { readableCollection } from './taxii-collections.js';
import { collectionEntries, findingIdsOf, pageOf, taxiiObjectsQuerySchema, type TaxiiObjectsPage } from './taxii-entries.js';

/** One object of a collection (`taxii.list-objects` of that id): its one version this server keeps. */
export async function getTaxiiObject(deps: Deps, ctx: Ctx, collectionId: string, objectId: string, query: unknown, contentUrl: (findingId: string) => string): Promise<TaxiiObjectsPage> {
  return audited(deps, ctx, 'taxii.list-objects', async (tx, note) => {
    note.target = `taxii-collection:${collectionId.slice(0, 40)}`;
    note.detail = { object: objectId.slice(0, 100) };
    requirePermission(ctx.actor, 'chain.read');
    const q = parseInput(taxiiObjectsQuerySchema.pick({ added_after: true, limit: true, next: true, 'match[version]': true, 'match[spec_version]': true }).strict(), query);
    const collection = await readableCollection(tx, ctx.actor.member, collectionId);
    if (!STIX_ID.test(objectId)) throw notFound('resource', 'object');
    const page = await collectionEntries(tx, ctx.actor.member, collection, { ...q, 'match[id]': objectId }, contentUrl);
    note.detail = { ...note.detail, ids: findingIdsOf(page) };
    // Not found among the findings read for this call is not yet absent: the page says more, with a next.
    if (page.entries.length === 0 && !page.more && q.added_after === undefined && q.next === undefined) throw notFound('resource', 'object');
    return pageOf(page, page.entries.map((e) => e.object));
  });
}
