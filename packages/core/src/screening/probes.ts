import { DomainError } from '../errors/domain-error.js';
import { parseMrz } from '../mrz/index.js';
import { normaliseNationality, prepareName, type PersonFacts } from '../names/index.js';
import type { ScreenQuery } from './screen-query.js';

/** A document to look up: the issuing state is '' when the query did not give one. */
export interface DocumentProbe {
  issuingState: string;
  number: string;
}

export interface VehicleProbe {
  vin?: string;
  plate?: string;
  plateCountry?: string;
}

/** What a screening query asks the index for, once names are prepared and the MRZ is read. */
export interface ScreenProbes {
  person: PersonFacts | null;
  documents: DocumentProbe[];
  vehicle: VehicleProbe | null;
}

/**
 * The person, documents and vehicle a query describes, directly or through its MRZ. A person
 * given in the query wins over the MRZ's holder (the officer may have corrected the name); the
 * MRZ's document is screened either way.
 */
export function probesOf(query: ScreenQuery): ScreenProbes {
  const documents: DocumentProbe[] = (query.documents ?? []).map((d) => ({ issuingState: d.issuingState ?? '', number: d.number }));
  let person: PersonFacts | null = null;
  if (query.person) {
    const nationality = query.person.nationality ? normaliseNationality(query.person.nationality) : null;
    person = {
      names: query.person.names.map((n) => prepareName(n)),
      ...(query.person.birthDate ? { birthDate: query.person.birthDate } : {}),
      ...(query.person.sex ? { sex: query.person.sex } : {}),
      ...(nationality ? { nationalities: [nationality] } : {}),
      documents: documents.map((d) => d.number),
    };
  }
  if (query.mrz) {
    const mrz = parseMrz(query.mrz.split(/\r?\n/).filter((l) => l.trim() !== ''));
    // A zone that cannot be read must not pass as "no hits": the officer has to look again.
    if (mrz.format === null) {
      const why = mrz.errors.map((e) => e.message).join('; ') || 'not a machine-readable zone';
      throw new DomainError('validation', 'mrz.unreadable', `mrz: ${why}`, [{ field: 'mrz', message: why }]);
    }
    const f = mrz.fields;
    if (f) {
      if (f.documentNumber) documents.push({ issuingState: f.issuingState ?? '', number: f.documentNumber });
      if (!person && (f.surname || f.givenNames)) {
        const nationality = f.nationality ? normaliseNationality(f.nationality) : null;
        person = {
          names: [prepareName({ ...(f.surname ? { family: f.surname } : {}), ...(f.givenNames ? { given: f.givenNames } : {}) })],
          ...(f.birthDate ? { birthDate: f.birthDate } : {}),
          ...(f.sex ? { sex: f.sex } : {}),
          ...(nationality ? { nationalities: [nationality] } : {}),
          ...(f.documentNumber ? { documents: [f.documentNumber] } : {}),
        };
      }
    }
  }
  return { person, documents, vehicle: query.vehicle ?? null };
}
