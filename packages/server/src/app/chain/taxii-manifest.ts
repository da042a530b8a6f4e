import { parseInput, requirePermission } from '@crosscheck/core';
import { STIX_MEDIA_TYPE } from '@crosscheck/core/chain';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { readableCollection } from './taxii-collections.js';
import { collectionEntries, findingIdsOf, pageOf, taxiiObjectsQuerySchema, type TaxiiObjectsPage } from './taxii-entries.js';

/** A page of a collection's manifest (`taxii.list-objects` as a manifest): each object's id, date added, version and media type. */
export async function listTaxiiManifest(deps: Deps, ctx: Ctx, collectionId: string, query: unknown, contentUrl: (findingId: string) => string): Promise<TaxiiObjectsPage> {
  return audited(deps, ctx, 'taxii.list-objects', async (tx, note) => {
    note.target = `taxii-collection:${collectionId.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.read');
    const q = parseInput(taxiiObjectsQuerySchema, query);
    const collection = await readableCollection(tx, ctx.actor.member, collectionId);
    const page = await collectionEntries(tx, ctx.actor.member, collection, q, contentUrl);
    note.detail = { manifest: true, query: q, count: page.entries.length, ids: findingIdsOf(page) };
    const records = page.entries.map((e) => ({
      id: e.object.id,
      date_added: e.position.at,
      // SCOs have no `modified`: their one version is the date they were added.
      version: typeof e.object.modified === 'string' ? e.object.modified : e.position.at,
      media_type: STIX_MEDIA_TYPE,
    }));
    return pageOf(page, records);
  });
}
