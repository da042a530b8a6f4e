import type { AlertInput } from './alert-schemas.js';

/**
 * Who or what an alert is about, as an officer tells records apart: a person by name and birth
 * year, a document by type, state and number, a vehicle by plate, VIN and make. Structured, so a
 * page can put the document type into words in its own language; `subjectLabel` gives one line
 * for the API and the CLI. Whoever shows a subject must first ask `alertAccess` for `full`: a
 * subject is more than an instruction.
 */
export type AlertSubjectLine =
  | { kind: 'person'; name: string; birthYear: string | null }
  | { kind: 'document'; documentType: string; issuingState: string | null; number: string }
  | { kind: 'vehicle'; plate: string | null; plateCountry: string | null; vin: string | null; make: string | null; model: string | null };

export function alertSubjectOf(alert: AlertInput): AlertSubjectLine {
  switch (alert.kind) {
    case 'person': {
      const n = alert.person.names[0]!;
      const name = n.full ?? [n.family, n.given].filter((p) => p !== undefined).join(', ');
      return { kind: 'person', name, birthYear: alert.person.birthDate?.slice(0, 4) ?? null };
    }
    case 'document':
      return { kind: 'document', documentType: alert.document.type, issuingState: alert.document.issuingState, number: alert.document.number };
    case 'vehicle': {
      const v = alert.vehicle;
      return { kind: 'vehicle', plate: v.plate ?? null, plateCountry: v.plateCountry ?? null, vin: v.vin ?? null, make: v.make ?? null, model: v.model ?? null };
    }
  }
}

/** One line: `MEYER, PAUL (1990)`, `DEU C01X00T47`, `AB-123-CD (FRA) · VF1AB000123456789 · Renault Clio`. */
export function subjectLabel(s: AlertSubjectLine): string {
  switch (s.kind) {
    case 'person':
      return s.birthYear ? `${s.name} (${s.birthYear})` : s.name;
    case 'document':
      return [s.issuingState, s.number].filter((p) => p !== null).join(' ');
    case 'vehicle': {
      const plate = s.plate ? (s.plateCountry ? `${s.plate} (${s.plateCountry})` : s.plate) : null;
      const make = [s.make, s.model].filter((p) => p !== null).join(' ');
      return [plate, s.vin, make || null].filter((p) => p !== null).join(' · ');
    }
  }
}
