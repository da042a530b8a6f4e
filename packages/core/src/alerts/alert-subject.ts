import type { DocumentStatus, DocumentType, PersonCategory } from '../constants/alerts.js';
import type { AlertInput } from './alert-schemas.js';
import { recastSectionsOf, type Inquiry, type Preventive, type ReturnDecision } from './recast-sections.js';
import type { AssetCategory, AssetType } from '../constants/assets.js';
import { assetSubjectParts } from '../assets/asset-subject.js';

/**
 * What an officer calls an alert's record at a glance, instead of its id: a person by name and
 * birth date (with the category, which says why they are sought), a document by type and number
 * (with its issuing state), a vehicle by plate, make and model. Only for a reader who may see the
 * alert in full (`alertAccess` === 'full'): a discreet check read as its instruction gives no
 * subject, since the name is exactly what the desk must not learn.
 */
export type AlertSubject =
  | {
      kind: 'person';
      category: PersonCategory;
      /** The first primary name (else the first name), as the record writes it. */
      name: { family?: string; given?: string; full?: string; script?: string };
      /** YYYY, YYYY-MM or YYYY-MM-DD, as the record knows it. */
      birthDate?: string;
      /** The SIS recast categories' sections: what the officer must know to act (the questions to ask, whom to protect, the deadline). */
      returnDecision?: ReturnDecision;
      inquiry?: Inquiry;
      preventive?: Preventive;
    }
  | { kind: 'document'; documentType: DocumentType; number: string; issuingState: string; status: DocumentStatus }
  | { kind: 'vehicle'; plate?: string; plateCountry?: string; make?: string; model?: string; vin?: string }
  /** An asset by its type, its identifier (IBAN, IMO, registration mark, address…), its name (holder, company, vessel) and country. */
  | { kind: 'asset'; category: AssetCategory; assetType: AssetType; identifier?: string; name?: string; country?: string };

/** The subject of an alert body (see `AlertSubject`); the caller decides whether the reader may have it. */
export function alertSubject(alert: AlertInput): AlertSubject {
  if (alert.kind === 'person') {
    const p = alert.person;
    const chosen = p.names.find((n) => n.type === undefined || n.type === 'primary') ?? p.names[0]!;
    const name = pick(chosen, ['family', 'given', 'full', 'script']);
    return { kind: 'person', category: alert.category, name, ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}), ...recastSectionsOf(alert) };
  }
  if (alert.kind === 'document') {
    const d = alert.document;
    return { kind: 'document', documentType: d.type, number: d.number, issuingState: d.issuingState, status: d.status };
  }
  if (alert.kind === 'asset') return { kind: 'asset', category: alert.category, ...assetSubjectParts(alert.asset) };
  return { kind: 'vehicle', ...pick(alert.vehicle, ['plate', 'plateCountry', 'make', 'model', 'vin']) };
}

/**
 * The subject as one line of text, for the API and the CLI where no page puts codes into words:
 * `MEYER, PAUL (1990)`, `DEU C01X00T47`, `AB-123-CD (FRA) · VF1AB000123456789 · Renault Clio`.
 */
export function subjectLabel(s: AlertSubject): string {
  switch (s.kind) {
    case 'person': {
      const name = nameText(s.name);
      return s.birthDate !== undefined ? `${name} (${s.birthDate.slice(0, 4)})` : name;
    }
    case 'document':
      return `${s.issuingState} ${s.number}`;
    case 'vehicle': {
      const plate = s.plate !== undefined ? (s.plateCountry !== undefined ? `${s.plate} (${s.plateCountry})` : s.plate) : undefined;
      const make = [s.make, s.model].filter((p) => p !== undefined).join(' ');
      return [plate, s.vin, make || undefined].filter((p) => p !== undefined).join(' · ');
    }
    case 'asset':
      return [s.identifier, s.name, s.country].filter((p) => p !== undefined).join(' · ') || s.assetType;
  }
}

/** A name as the record writes it: the original script when there is one, else "FAMILY, Given" (the API, the CLI and every page). */
export function nameText(n: { family?: string | undefined; given?: string | undefined; full?: string | undefined }): string {
  return n.full ?? [n.family, n.given].filter(Boolean).join(', ');
}

/** The named fields that are present (an absent optional field stays absent, not `undefined`). */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k] as Exclude<T[K], undefined>;
  return out;
}
