import { findKeyByPrefix } from '../store/credential-repo.js';
import type { Deps } from './deps.js';
import { sameHash, sha256Hex, splitApiKey } from './secrets.js';

/**
 * Whether a bearer key is a carrier's, looked up without any of authenticating's effects (no
 * refusal on the trail, no last-used time): for the routes outside /api/ that answer anyone (health,
 * public notices, the web app), which must still refuse a carrier's key (http/carrier-confinement.ts).
 * A key that is not valid is not a carrier's: such a route answers it as it answers anyone.
 */
export async function isCarrierKey(deps: Deps, key: string): Promise<boolean> {
  const parts = splitApiKey(key);
  if (!parts) return false;
  const row = await findKeyByPrefix(deps.db, parts.prefix);
  return row !== undefined && row.role === 'carrier' && row.revoked_at === null && sameHash(row.secret_hash, sha256Hex(parts.secret));
}
