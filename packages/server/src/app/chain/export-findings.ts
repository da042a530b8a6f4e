import { DomainError, parseInput, requirePermission } from '@crosscheck/core';
import { stixBundle, type StixBundle } from '@crosscheck/core/chain';
import type { Finding } from '@crosscheck/core/api';
import { z } from 'zod';
import { contentOf, listFindingRows, type StoredFinding } from '../../store/chain-finding-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { findingFor } from './finding-view.js';
import { findingFiltersSchema, storeFilters } from './list-findings.js';

export const exportFindingsQuerySchema = findingFiltersSchema
  .extend({
    format: z.enum(['jsonl', 'stix']).default('jsonl'),
    /** STIX only: the bytes inside each artifact (`payload_bin`) instead of the address that reveals them. */
    withContent: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  })
  .strict();

/** At most this many findings leave in one export; filters narrow a larger set. */
export const MAX_EXPORTED_FINDINGS = 20_000;
/** At most this many bytes of content travel inside one STIX bundle. */
export const MAX_EXPORTED_CONTENT_BYTES = 64 * 1024 * 1024;

export type FindingsExport = { format: 'jsonl'; findings: Finding[] } | { format: 'stix'; bundle: StixBundle };

const tooLarge = (message: string) => new DomainError('too-large', 'finding.export-too-large', message);

/**
 * Every finding the caller may see that the filters select (`finding.export`), as the API's
 * findings (JSON lines) or a STIX 2.1 bundle. With the bytes inside, the export is a reveal: it
 * needs `chain.reveal`, and its audit entry names every finding whose bytes left.
 */
export async function exportFindings(deps: Deps, ctx: Ctx, query: unknown, contentUrl: (id: string) => string): Promise<FindingsExport> {
  return audited(deps, ctx, 'finding.export', async (tx, note) => {
    note.target = 'findings';
    requirePermission(ctx.actor, 'chain.read');
    const q = parseInput(exportFindingsQuerySchema, query);
    const { format, withContent, ...filters } = q;
    if (withContent) {
      requirePermission(ctx.actor, 'chain.reveal');
      if (format !== 'stix') throw new DomainError('validation', 'validation.invalid', 'withContent: the bytes travel in STIX bundles only', [{ field: 'withContent', message: 'the bytes travel in STIX bundles only (format=stix)' }]);
    }
    const member = ctx.actor.member;
    const stored: StoredFinding[] = [];
    let after: string | undefined;
    for (;;) {
      const rows = await listFindingRows(tx, { reader: member, ...storeFilters(filters), ...(after ? { after } : {}), limit: 1000 });
      stored.push(...rows.filter((r) => findingFor(member, r) !== undefined));
      if (stored.length > MAX_EXPORTED_FINDINGS) throw tooLarge(`more than ${MAX_EXPORTED_FINDINGS} findings match; narrow the filters`);
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    note.detail = { query: q, count: stored.length };
    if (format === 'jsonl') return { format, findings: stored.map((s) => findingFor(member, s)!) };

    const payloads = new Map<string, Uint8Array>();
    if (withContent) {
      let total = 0;
      for (const s of stored) {
        if (!s.contentKept) continue;
        total += s.size;
        if (total > MAX_EXPORTED_CONTENT_BYTES) throw tooLarge(`the content of these findings is over ${MAX_EXPORTED_CONTENT_BYTES} bytes; narrow the filters or export without content`);
        const bytes = await contentOf(tx, s.id);
        if (bytes) payloads.set(s.id, bytes);
      }
      note.detail = { ...note.detail, revealed: [...payloads.keys()] };
    }
    const kept = new Set(stored.filter((s) => s.contentKept).map((s) => s.id));
    return { format, bundle: stixBundle(stored, { contentUrl, payloads, contentKept: (id) => kept.has(id) }) };
  });
}
