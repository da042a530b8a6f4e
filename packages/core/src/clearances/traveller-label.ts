import { nameText } from '../alerts/alert-subject.js';
import { parseMrz } from '../mrz/index.js';
import type { ScreenQuery } from '../screening/screen-query.js';

/**
 * The traveller of a clearance as the clearing screening gave them, in one line for the owner and
 * the clearing member (who could both see that hit): "ERIKSSON, Anna · 1974-03-02 · SWE ·
 * SWE P1234567". Read from the screening each time rather than stored beside the keyed hashes.
 */
export function travellerLabel(query: ScreenQuery): string {
  const parts: string[] = [];
  const person = query.person;
  if (person) {
    parts.push(person.names.map((n) => (typeof n === 'string' ? n : nameText(n))).join('; '));
    if (person.birthDate) parts.push(person.birthDate);
    if (person.nationality) parts.push(person.nationality);
  }
  const documents = (query.documents ?? []).map((d) => [d.issuingState, d.number].filter(Boolean).join(' '));
  if (query.mrz) {
    const f = parseMrz(query.mrz.split(/\r?\n/).filter((l) => l.trim() !== '')).fields;
    if (f) {
      if (!person && (f.surname || f.givenNames)) parts.push([f.surname, f.givenNames].filter(Boolean).join(', '));
      if (!person && f.birthDate) parts.push(f.birthDate);
      if (f.documentNumber) documents.push(`${f.issuingState} ${f.documentNumber}`.trim());
    }
  }
  parts.push(...new Set(documents));
  return parts.filter((p) => p !== '').join(' · ');
}
