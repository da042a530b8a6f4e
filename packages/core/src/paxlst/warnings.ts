import { MAX_WARNINGS_PER_CODE } from './limits.js';
import type { PaxlstWarning } from './types.js';

/**
 * Collects warnings in input order. A dirty file repeats the same fault on every traveller; past
 * MAX_WARNINGS_PER_CODE of one code the rest are only counted, and `finish` adds one warning
 * saying how many more there were, so the list stays readable and bounded.
 */
export class WarningLog {
  private readonly list: PaxlstWarning[] = [];
  private readonly perCode = new Map<string, number>();

  add(segment: number, line: number | undefined, code: string, message: string): void {
    const seen = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, seen);
    if (seen > MAX_WARNINGS_PER_CODE) return;
    this.list.push(line === undefined ? { segment, code, message } : { segment, line, code, message });
  }

  /** The warnings in input order (by segment; stable, so one segment's keep their order), then the counts of those left out. */
  finish(): PaxlstWarning[] {
    const out = [...this.list].sort((a, b) => a.segment - b.segment);
    for (const [code, seen] of this.perCode) {
      if (seen > MAX_WARNINGS_PER_CODE) {
        const more = seen - MAX_WARNINGS_PER_CODE;
        out.push({ segment: 0, code: 'warnings.more', message: `${more} more warning${more === 1 ? '' : 's'} like ${code} not listed` });
      }
    }
    return out;
  }
}
