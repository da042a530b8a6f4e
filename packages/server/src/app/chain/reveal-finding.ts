import { conflict, notFound, requirePermission } from '@crosscheck/core';
import { contentOf, visibleFindingRow } from '../../store/chain-finding-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { findingFor } from './finding-view.js';

export interface RevealedContent {
  bytes: Buffer;
  sha256: string;
  /** The type found from the bytes: for the file name only, never the response's type. */
  mediaType: string | null;
}

/**
 * The bytes of a finding the caller may see (`finding.reveal`), for a role that may reveal
 * (`chain.reveal`). They may be malware or an illegal image: every reveal is on the trail with
 * the finding's id, and the HTTP layer hands them out as a download only.
 */
export async function revealFinding(deps: Deps, ctx: Ctx, id: string): Promise<RevealedContent> {
  return audited(deps, ctx, 'finding.reveal', async (tx, note) => {
    note.target = `finding:${id.slice(0, 40)}`;
    requirePermission(ctx.actor, 'chain.reveal');
    const stored = id.length <= 40 ? await visibleFindingRow(tx, ctx.actor.member, id) : undefined;
    if (!stored || !findingFor(ctx.actor.member, stored)) throw notFound('finding');
    const bytes = stored.contentKept ? await contentOf(tx, id) : undefined;
    if (!bytes) throw conflict('finding.content-not-kept', `the content of this finding (${stored.size} bytes) was not kept; its hashes and locations are`);
    note.detail = { sha256: stored.sha256, size: bytes.length, owner: stored.owner };
    return { bytes, sha256: stored.sha256, mediaType: stored.mediaType };
  });
}
