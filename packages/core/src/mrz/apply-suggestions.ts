import type { MrzSuggestion } from './types.js';

/**
 * The lines with the chosen suggestions applied (the parser only proposes them). A suggestion
 * whose `from` is no longer at its place is skipped, so a stale list cannot corrupt a zone.
 */
export function applyMrzSuggestions(lines: readonly string[], suggestions: readonly MrzSuggestion[]): string[] {
  const out = [...lines];
  for (const s of suggestions) {
    const line = out[s.line];
    if (line === undefined || line.slice(s.column, s.column + s.from.length) !== s.from || s.to.length !== s.from.length) continue;
    out[s.line] = line.slice(0, s.column) + s.to + line.slice(s.column + s.from.length);
  }
  return out;
}
