import type { Kysely } from 'kysely';
import { scanInSnapshot } from '../../store/audit-scan.js';
import { findCheckpoint } from '../../store/checkpoint-repo.js';
import type { DB } from '../../store/schema.js';
import { checkpointSignatureHolds, loadAuditKey } from '../audit/audit-key.js';
import type { AuditTrailSettings } from '../deps.js';

export interface RestoredTrail {
  entries: number;
  /** The newest checkpoint the restored trail was checked against, and whether its signature was checked with this installation's key. */
  checkpoint: { size: number; at: string; signatureChecked: boolean } | null;
}

/**
 * Replays a restored database's audit chain against its newest checkpoint, inside the
 * restore's own transaction or on its staged copy, before it is put in place: a backup of a
 * tampered trail (or a damaged file) is refused, not restored. The checkpoint's signature is
 * checked when this installation holds the audit key; without it the checkpoint still must
 * match the trail it came with.
 */
export async function checkRestoredTrail(db: Kysely<DB>, settings: AuditTrailSettings): Promise<RestoredTrail> {
  const latest = await findCheckpoint(db);
  let signatureChecked = false;
  if (latest && settings.keyFile !== null) {
    const key = loadAuditKey(settings.keyFile, false);
    if (latest.keyId !== key.id || !checkpointSignatureHolds(latest, latest.signature, key.publicKeyPem)) {
      throw new Error(`the backup's newest checkpoint (${latest.size} entries, ${latest.at}) is not signed by this installation's audit key ${key.id}: not restored`);
    }
    signatureChecked = true;
  }
  const scan = await scanInSnapshot(db, latest);
  if (scan.problem) throw new Error(`the backup's audit trail is broken at entry ${scan.problem.seq} (${scan.problem.kind}): ${scan.problem.message}; not restored`);
  return { entries: scan.entries, checkpoint: latest ? { size: latest.size, at: latest.at, signatureChecked } : null };
}
