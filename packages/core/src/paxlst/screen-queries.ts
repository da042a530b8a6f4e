import type { ScreenQueryInput } from '../screening/screen-query.js';
import type { FlightManifest, PaxlstTraveller } from './types.js';

// The bounds of screenQuerySchema: a query built here must pass it as it is.
const NAME_MAX = 200;
const DOCUMENT_NUMBER_MAX = 40;
const DOCUMENTS_MAX = 10;

const clean = (text: string, max: number): string => text.replace(/\u0000/g, '').trim().slice(0, max).trim();

/**
 * The screening query for one traveller: name, birth date, sex and nationality as the person,
 * their documents with issuing states. `id` is the traveller's 1-based position in the message,
 * echoed back by screening. Null when there is nothing to screen (no name and no document).
 */
export function toScreenQuery(t: PaxlstTraveller, index: number): ScreenQueryInput | null {
  const family = clean(t.name.family, NAME_MAX);
  const given = clean(t.name.given, NAME_MAX);
  const query: ScreenQueryInput = { id: String(index + 1) };
  if (family !== '' || given !== '') {
    query.person = {
      names: [{ ...(family !== '' && { family }), ...(given !== '' && { given }) }],
      ...(t.birthDate !== null && { birthDate: t.birthDate }),
      ...(t.sex !== null && { sex: t.sex }),
      ...(t.nationality !== null && /^[A-Z]{2,3}$/.test(t.nationality) && { nationality: t.nationality }),
    };
  }
  const documents = t.documents
    .map((d) => ({ number: clean(d.number, Infinity), issuingState: d.issuingState, type: d.type }))
    .filter((d) => d.number !== '' && d.number.length <= DOCUMENT_NUMBER_MAX)
    .slice(0, DOCUMENTS_MAX)
    .map((d) => ({
      number: d.number,
      ...(d.issuingState !== null && /^[A-Z]{1,3}$/.test(d.issuingState) && { issuingState: d.issuingState }),
      ...(d.type !== null && { type: d.type.slice(0, 40) }),
    }));
  if (documents.length > 0) query.documents = documents;
  return query.person || query.documents ? query : null;
}

/** One query per traveller, in message order (null where a traveller has nothing to screen). */
export function toScreenQueries(manifest: FlightManifest): (ScreenQueryInput | null)[] {
  return manifest.travellers.map((t, i) => toScreenQuery(t, i));
}
