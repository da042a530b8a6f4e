import { FINDING_LIMITS as L } from '@crosscheck/core/api/schemas';
import type { FindingMatch, ScannedFinding } from '@crosscheck/core/api';

/**
 * A scanned finding cut to what an import accepts (FINDING_LIMITS), so that whatever the scanner
 * writes can be recorded: long texts are shortened, long lists keep their first items, and a note
 * says what was left out. Locations are not cut here: the scanner writes a finding with many
 * locations as several records of the same bytes, which recording merges.
 */
export function boundFinding(f: ScannedFinding): ScannedFinding {
  const notes: string[] = [];
  const text = f.text && {
    ...f.text,
    language: f.text.language === null ? null : f.text.language.slice(0, L.languageChars),
    urls: firstOf(f.text.urls, L.addresses, 'URLs', notes).map((u) => u.slice(0, L.addressChars)),
    onions: firstOf(f.text.onions, L.addresses, 'onion addresses', notes).map((u) => u.slice(0, L.addressChars)),
    preview: f.text.preview.slice(0, L.previewChars),
  };
  const fieldEntries = Object.entries(f.fields);
  if (fieldEntries.length > L.fields) notes.push(`${fieldEntries.length} fields read, the first ${L.fields} kept`);
  const fields = Object.fromEntries(fieldEntries.slice(0, L.fields).map(([k, v]) => [k.slice(0, L.fieldKeyChars), typeof v === 'string' ? v.slice(0, L.fieldValueChars) : v]));
  const matches: FindingMatch[] = firstOf(f.matches, L.matches, 'matches', notes).map((m) => ({ ...m, name: m.name.slice(0, L.matchNameChars) }));
  // The notes on what was cut come last and always stay.
  let kept = f.notes.map((n) => (n.length > L.noteChars ? `${n.slice(0, L.noteChars - 1)}…` : n));
  if (kept.length + notes.length > L.notes) {
    const room = L.notes - notes.length - 1;
    kept = [...kept.slice(0, room), `${kept.length - room} more notes left out`];
  }
  return {
    ...f,
    mediaType: typeOf(f.mediaType),
    declaredType: typeOf(f.declaredType),
    decoded: f.decoded && { ...f.decoded, encoding: f.decoded.encoding.slice(0, L.encodingChars), mediaType: typeOf(f.decoded.mediaType) },
    text,
    matches,
    fields,
    notes: [...kept, ...notes],
  };
}

const typeOf = (t: string | null): string | null => (t === null ? null : t.slice(0, L.typeChars));

function firstOf<T>(list: readonly T[], max: number, what: string, notes: string[]): T[] {
  if (list.length <= max) return [...list];
  notes.push(`${list.length} ${what} found, the first ${max} kept`);
  return list.slice(0, max);
}
