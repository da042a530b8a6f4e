import { requirePermission } from '@crosscheck/core';
import { TAXII_MEDIA_TYPE } from '@crosscheck/core/chain';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

/** The one API root: findings are crosscheck's only TAXII content. */
export const TAXII_API_ROOT = 'findings';
/** The most objects one page of a collection holds. */
export const TAXII_MAX_PAGE = 1000;

export interface TaxiiDiscovery {
  title: string;
  description: string;
  default: string;
  api_roots: string[];
}

/** TAXII discovery (`taxii.discover`): where the API root is. `base`: this server's address. */
export async function taxiiDiscovery(deps: Deps, ctx: Ctx, base: string): Promise<TaxiiDiscovery> {
  return audited(deps, ctx, 'taxii.discover', async (_tx, note) => {
    note.target = 'taxii';
    requirePermission(ctx.actor, 'chain.read');
    const root = `${base}/taxii2/${TAXII_API_ROOT}/`;
    return {
      title: 'crosscheck',
      description: 'Blockchain findings shared between crosscheck members as STIX 2.1 indicators',
      default: root,
      api_roots: [root],
    };
  });
}

export interface TaxiiApiRoot {
  title: string;
  description: string;
  versions: string[];
  max_content_length: number;
}

/** The API root's description (`taxii.discover` of the root). */
export async function taxiiApiRoot(deps: Deps, ctx: Ctx, maxContentLength: number): Promise<TaxiiApiRoot> {
  return audited(deps, ctx, 'taxii.discover', async (_tx, note) => {
    note.target = 'taxii:api-root';
    requirePermission(ctx.actor, 'chain.read');
    return {
      title: 'Blockchain findings',
      description: 'One read-only collection per member whose findings your member may see: your own, and the known-bad findings other members share with yours',
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: maxContentLength,
    };
  });
}
