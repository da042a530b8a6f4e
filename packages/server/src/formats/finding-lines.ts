import { validationError } from '@crosscheck/core';

/** One finding read from a JSON line: the scanner's finding and, when the line carries it, its bytes. */
export interface FindingLine {
  finding: unknown;
  content?: Buffer;
}

// The scanner's line repeats its first location at the top (txid, height, blockHash) for people
// reading it; the finding's locations hold them already.
const REPEATED = ['txid', 'height', 'blockHash'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads `crosscheck chain scan --format jsonl` output: one finding per line, with an optional
 * `content` (the payload bytes, base64). Blank lines are skipped; a line that is not a JSON object
 * is refused naming its number. What a finding must hold is the use case's check.
 */
export function parseFindingLines(text: string, maxFindings: number): FindingLine[] {
  const out: FindingLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (out.length >= maxFindings) throw validationError('(body)', `at most ${maxFindings} findings may be imported at once`, 'finding.import-too-large');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw validationError(`line ${i + 1}`, `not JSON: ${(e as Error).message.slice(0, 200)}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw validationError(`line ${i + 1}`, 'each line must be one finding, a JSON object');
    const { content, ...rest } = value as Record<string, unknown>;
    for (const k of REPEATED) delete rest[k];
    if (content === undefined) {
      out.push({ finding: rest });
      continue;
    }
    if (typeof content !== 'string' || !BASE64.test(content) || content.length % 4 !== 0) throw validationError(`line ${i + 1}.content`, 'the payload bytes as base64');
    out.push({ finding: rest, content: Buffer.from(content, 'base64') });
  }
  return out;
}
