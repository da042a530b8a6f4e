import { DomainError, alertInputSchema, notFound, requirePermission, type AlertInput } from '@crosscheck/core';
import { findMember } from '../store/member-repo.js';

import { appendAudit } from '../store/audit-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { insertAlert } from './create-alert.js';
import { auditEntry } from './audited.js';
import type { Ctx, Deps } from './deps.js';

export const MAX_IMPORT_LINE_BYTES = 256 * 1024;

export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ImportReport {
  imported: number;
  rejected: ImportProblem[];
}

/** The CLI acts as a member's bureau: that member must exist and not be suspended. */
export async function requireActiveMember(deps: Deps, code: string): Promise<void> {
  const member = await findMember(deps.db, code);
  if (!member) throw notFound('member', code);
  if (member.status !== 'active') throw new DomainError('forbidden', 'member.suspended', `member ${code} is suspended`);
}

export type Parsed = { line: number; input: AlertInput } | { line: number; reason: string };

/** Parses one JSON line into an alert body, or says exactly why not. Never throws. */
export function parseImportLine(text: string, line: number): Parsed | null {
  if (text.trim() === '') return null;
  if (Buffer.byteLength(text) > MAX_IMPORT_LINE_BYTES) return { line, reason: `line longer than ${MAX_IMPORT_LINE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { line, reason: `not JSON: ${(e as Error).message}` };
  }
  return validateImportBody(json, line);
}

/** An alert body from any import format, checked by the API's own schema; a refusal names the field. */
export function validateImportBody(json: unknown, line: number): Parsed {
  const result = alertInputSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { line, reason: `${issue?.path.join('.') || '(line)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { line, input: result.data };
}

/**
 * Imports alert lines for the caller's member in batches. Each batch is one transaction: a
 * killed import keeps every batch that committed and nothing of the one in flight. A line that
 * fails validation or the owners' rules is reported and skipped; the rest go in.
 */
export async function importAlertBatch(deps: Deps, ctx: Ctx, lines: Parsed[], report: ImportReport): Promise<void> {
  requirePermission(ctx.actor, 'alert.create');
  const good = lines.filter((l): l is { line: number; input: AlertInput } => 'input' in l);
  for (const l of lines) if ('reason' in l) report.rejected.push({ line: l.line, reason: l.reason });
  if (good.length === 0) return;
  const rejectedHere: ImportProblem[] = [];
  let imported = 0;
  await inWriteTransaction(deps.db, async (tx) => {
    for (const l of good) {
      // A savepoint per line would cost a round trip each; rules are checked first instead,
      // and only a domain refusal (never a storage fault) skips a line.
      try {
        const id = deps.newId();
        await insertAlert(tx, deps, ctx, id, l.input);
        await appendAudit(tx, auditEntry(deps, ctx, 'alert.create', { target: `alert:${id}`, detail: { kind: l.input.kind, importLine: l.line } }));
        imported++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        rejectedHere.push({ line: l.line, reason: e.message });
      }
    }
  });
  report.imported += imported;
  report.rejected.push(...rejectedHere);
}

