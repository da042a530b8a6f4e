import { notFound, requirePermission } from '@crosscheck/core';
import { STIX_MEDIA_TYPE, taxiiCollectionId } from '@crosscheck/core/chain';
import { visibleFindingOwners } from '../../store/chain-finding-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

export interface TaxiiCollection {
  id: string;
  title: string;
  description: string;
  can_read: boolean;
  can_write: boolean;
  media_types: string[];
}

/** A collection the reader may read: its resource, its owner, and when its first object was added. */
export interface ReadableCollection {
  resource: TaxiiCollection;
  owner: string;
  firstAddedAt: string;
}

function collectionOf(reader: string, owner: string): TaxiiCollection {
  return {
    id: taxiiCollectionId(owner),
    title: `Blockchain findings of ${owner}`,
    description: owner === reader ? 'Every finding of your member, whatever its status' : `The known-bad findings ${owner} shares with your member`,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  };
}

/** The collections `reader` may read: one per member with a finding it may see, and no other. */
export async function readableCollections(tx: Tx, reader: string): Promise<ReadableCollection[]> {
  return (await visibleFindingOwners(tx, reader)).map((o) => ({ resource: collectionOf(reader, o.owner), owner: o.owner, firstAddedAt: o.firstChangedAt }));
}

/** One collection by id, when `reader` may read it; a member's collection it may not see is as unknown as any id. */
export async function readableCollection(tx: Tx, reader: string, id: string): Promise<ReadableCollection> {
  const found = (await readableCollections(tx, reader)).find((c) => c.resource.id === id);
  if (!found) throw notFound('resource', 'collection');
  return found;
}

/** The collections the caller may read (`taxii.list-collections`). */
export async function listTaxiiCollections(deps: Deps, ctx: Ctx): Promise<{ collections?: TaxiiCollection[] }> {
  return audited(deps, ctx, 'taxii.list-collections', async (tx, note) => {
    note.target = 'taxii';
    requirePermission(ctx.actor, 'chain.read');
    const collections = (await readableCollections(tx, ctx.actor.member)).map((c) => c.resource);
    note.detail = { collections: collections.map((c) => c.id) };
    // TAXII: no collection is an empty resource, not an empty list.
    return collections.length > 0 ? { collections } : {};
  });
}

/** One collection (`taxii.read-collection`). */
export async function getTaxiiCollection(deps: Deps, ctx: Ctx, id: string): Promise<TaxiiCollection> {
  return audited(deps, ctx, 'taxii.read-collection', async (tx, note) => {
    note.target = `taxii-collection:${id.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.read');
    return (await readableCollection(tx, ctx.actor.member, id)).resource;
  });
}
