import { createHash } from 'node:crypto';
import { DomainError, foldForSearch, normaliseVisibility, parseInput, requirePermission, validationError, type Visibility } from '@crosscheck/core';
import { FINDING_LIMITS, scannedFindingSchema } from '@crosscheck/core/api/schemas';
import type { FindingMatch, ScannedFinding } from '@crosscheck/core/api';
import { addLocations, findingIdBySha256, insertFinding, mergeFinding, putContent } from '../../store/chain-finding-repo.js';
import { parseFindingLines } from '../../formats/finding-lines.js';
import { audited, auditRefusal, type AuditNote } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { MAX_CONTENT_BYTES } from './finding-view.js';

/** One finding as a scan produced it, with the payload bytes when the scanner hands them over. */
export interface ScannedItem {
  finding: unknown;
  /** The payload as carried (its SHA-256 must be the finding's). */
  content?: Buffer | undefined;
}

export interface RecordSummary {
  /** New findings. */
  recorded: number;
  /** Findings the member already had for the same bytes, given new locations or matches. */
  merged: number;
  locationsAdded: number;
  /** The finding ids, in the order of the items. */
  ids: string[];
}

/** At most this many findings per call: a scan records in batches, each one transaction. */
export const MAX_FINDINGS_PER_CALL = 5_000;

// Findings start with their owner alone: sharing is the owner's later decision (status known-bad
// and a visibility), never a side effect of scanning.
const OWNER_ONLY: Visibility = { mode: 'only', members: [] };

/**
 * Records a scan's JSON lines (an import). The caller is authorised before the body is read, so a
 * role that may not record hears 403 whatever it sent, and a refused body is on the trail like
 * any refusal of `finding.record`.
 */
export async function importFindingLines(deps: Deps, ctx: Ctx, text: string): Promise<RecordSummary> {
  let items: ScannedItem[];
  try {
    requirePermission(ctx.actor, 'chain.scan');
    items = parseFindingLines(text, MAX_FINDINGS_PER_CALL);
  } catch (error) {
    const note: AuditNote = { target: 'findings', detail: {} };
    if (error instanceof DomainError) await auditRefusal(deps, ctx, 'finding.record', note, error);
    throw error;
  }
  return recordFindings(deps, ctx, items);
}

/**
 * Records what a scan found as findings of the caller's member (`finding.record`). Identical bytes
 * (the same SHA-256) are one finding per member: a later scan adds its locations and matches.
 */
export async function recordFindings(deps: Deps, ctx: Ctx, items: readonly ScannedItem[]): Promise<RecordSummary> {
  return audited(deps, ctx, 'finding.record', async (tx, note) => {
    note.target = 'findings';
    requirePermission(ctx.actor, 'chain.scan');
    if (items.length > MAX_FINDINGS_PER_CALL) throw validationError('(body)', `at most ${MAX_FINDINGS_PER_CALL} findings may be recorded at once; this was ${items.length}`, 'finding.import-too-large');
    const parsed = items.map((item, i) => {
      const finding = withoutNul(parseInput(scannedFindingSchema, item.finding, `findings.${i}`) as ScannedFinding);
      for (const [j, l] of finding.locations.entries()) {
        if (JSON.stringify(l.place).length > 200) throw validationError(`findings.${i}.locations.${j}.place`, 'an input, an output or a range of outputs');
      }
      if (item.content !== undefined) {
        const sha = createHash('sha256').update(item.content).digest('hex');
        if (sha !== finding.sha256 || item.content.length !== finding.size) throw validationError(`findings.${i}.content`, `the content's SHA-256 is ${sha} (${item.content.length} bytes), not the finding's ${finding.sha256} (${finding.size} bytes)`);
      }
      return { finding, content: item.content };
    });
    const at = nowIso(deps);
    const summary: RecordSummary = { recorded: 0, merged: 0, locationsAdded: 0, ids: [] };
    for (const { finding, content } of parsed) {
      const keep = content !== undefined && content.length <= MAX_CONTENT_BYTES;
      const unkept = content === undefined ? 'content not kept: the scan handed over no bytes' : `content not kept: ${content.length} bytes is over the ${MAX_CONTENT_BYTES} kept`;
      const existing = await findingIdBySha256(tx, ctx.actor.member, finding.sha256);
      if (existing) {
        const added = await addLocations(tx, existing.id, finding.locations);
        // What merges stays within what one finding may hold: the first matches and notes win.
        const matches = mergeMatches(existing.matches, finding.matches).slice(0, FINDING_LIMITS.matches);
        const contentKept = existing.contentKept || keep;
        const notes = [...new Set([...existing.notes, ...finding.notes])].filter((n) => !(contentKept && n.startsWith('content not kept:'))).slice(0, FINDING_LIMITS.notes);
        if (added > 0 || matches.length > existing.matches.length || notes.length !== existing.notes.length || contentKept !== existing.contentKept) {
          await mergeFinding(tx, existing.id, { matches, notes, contentKept, at });
        }
        if (keep && !existing.contentKept) await putContent(tx, existing.id, content);
        summary.merged++;
        summary.locationsAdded += added;
        summary.ids.push(existing.id);
        continue;
      }
      const id = deps.newId();
      const { locations, ...rest } = finding;
      await insertFinding(tx, {
        id,
        owner: ctx.actor.member,
        finding: { ...rest, notes: keep ? rest.notes : [...rest.notes.slice(0, FINDING_LIMITS.notes - 1), unkept] },
        searchText: searchTextOf(finding),
        visibility: normaliseVisibility(OWNER_ONLY),
        contentKept: keep,
        at,
        createdBy: ctx.actor.credential,
      });
      summary.locationsAdded += await addLocations(tx, id, locations);
      if (keep) await putContent(tx, id, content);
      summary.recorded++;
      summary.ids.push(id);
    }
    note.detail = { recorded: summary.recorded, merged: summary.merged, locationsAdded: summary.locationsAdded };
    return summary;
  });
}

/**
 * The finding with every NUL in its texts replaced by U+FFFD: a preview of binary data may hold
 * one, and PostgreSQL stores no NUL in text. The hashes and sizes say what the bytes were.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\ufffd') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  return value;
}

function mergeMatches(had: readonly FindingMatch[], found: readonly FindingMatch[]): FindingMatch[] {
  const key = (m: FindingMatch) => `${m.source}\u0000${m.on}\u0000${m.name}`;
  const seen = new Set(had.map(key));
  return [...had, ...found.filter((m) => !seen.has(key(m)) && seen.add(key(m)))];
}

/** What a text filter looks in: the preview, the URLs and onion addresses, folded like alert search. */
export function searchTextOf(f: ScannedFinding): string {
  if (!f.text) return '';
  return foldForSearch([f.text.preview, ...f.text.urls, ...f.text.onions].join(' ')).slice(0, 8000);
}
