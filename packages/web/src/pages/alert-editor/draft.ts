import type { AlertInput, AlertPatch, Visibility, WalletCurrency } from '@crosscheck/core';
import type { AlertKind, DocumentStatus, DocumentType, NameType, PersonCategory, Sex, WarningFlag } from '@crosscheck/core/constants';
import { emptyRecast, RECAST_KEYS, recastDraftOf, recastInput, type RecastDraft } from './recast-draft.ts';
import { assetDraftOf, assetInputOf, newAssetDraft, type AssetDraft } from './asset-draft.ts';

/**
 * The form's state: text as typed (an empty box means "not given"), so that every keystroke is
 * kept, even one the schema would refuse. `toInput` turns it into an alert body for the schema.
 */
export interface NameDraft {
  family: string;
  given: string;
  /** The name as written in its own script (Arabic, Cyrillic…), kept exactly as typed. */
  full: string;
  script: string;
  type: NameType | '';
  /** Not edited here; kept as the record had it. */
  weak?: boolean;
}
export interface IdDocumentDraft {
  type: DocumentType;
  number: string;
  issuingState: string;
}
/** A wallet address as typed; the currency is kept when the stored alert named it. */
export interface WalletDraft {
  address: string;
  currency?: WalletCurrency;
}
export interface PersonDraft {
  names: NameDraft[];
  sex: '' | Sex;
  birthDate: string;
  birthDateUncertain: boolean;
  /** Other possible dates of birth, separated by commas. */
  otherBirthDates: string;
  /** Born in one of these years, when only a range is known. */
  birthYearFrom: string;
  birthYearTo: string;
  birthPlace: string;
  birthCountry: string;
  /** Codes separated by commas or spaces. */
  nationalities: string;
  /** Codes of the states the person is recorded as a refugee from (review flags the requester). */
  refugeeFrom: string;
  documents: IdDocumentDraft[];
  walletAddresses: WalletDraft[];
  warnings: WarningFlag[];
  heightCm: string;
  weightKg: string;
  eyes: string;
  hair: string;
  marks: string;
  charge: string;
  law: string;
  maximumPenalty: string;
  warrantReference: string;
}
export interface Draft {
  kind: AlertKind;
  category: PersonCategory;
  person: PersonDraft;
  offence: { description: string; maxSentenceYears: string; lawReference: string };
  /** The SIS recast categories' sections (recast-draft.ts). */
  recast: RecastDraft;
  document: { issuingState: string; type: DocumentType; number: string; status: DocumentStatus; eventDate: string; eventPlace: string };
  vehicle: { vin: string; plate: string; plateCountry: string; make: string; model: string; colour: string; year: string };
  asset: AssetDraft;
  action: string;
  remarks: string;
  caseReference: string;
  expiresAt: string;
  hiddenFromFrontline: boolean;
  /** Published to everyone as a public notice (wanted: red, missing: yellow). */
  publicNotice: boolean;
  visibility: Visibility;
  /** The stored body being edited: fields this form does not show are kept from it. */
  original?: AlertInput;
}

export const emptyName = (): NameDraft => ({ family: '', given: '', full: '', script: '', type: '' });
export const emptyIdDocument = (): IdDocumentDraft => ({ type: 'passport', number: '', issuingState: '' });

export function newDraft(kind: AlertKind): Draft {
  return {
    kind,
    category: 'missing',
    person: { names: [emptyName()], sex: '', birthDate: '', birthDateUncertain: false, otherBirthDates: '', birthYearFrom: '', birthYearTo: '', birthPlace: '', birthCountry: '', nationalities: '', refugeeFrom: '', documents: [], walletAddresses: [], warnings: [], heightCm: '', weightKg: '', eyes: '', hair: '', marks: '', charge: '', law: '', maximumPenalty: '', warrantReference: '' },
    offence: { description: '', maxSentenceYears: '', lawReference: '' },
    recast: emptyRecast(),
    document: { issuingState: '', type: 'passport', number: '', status: 'stolen-issued', eventDate: '', eventPlace: '' },
    vehicle: { vin: '', plate: '', plateCountry: '', make: '', model: '', colour: '', year: '' },
    asset: newAssetDraft(),
    action: '',
    remarks: '',
    caseReference: '',
    expiresAt: '',
    hiddenFromFrontline: false,
    publicNotice: false,
    visibility: { mode: 'all' },
  };
}

/** The body of a stored alert as the API returned it, without what the server manages. */
export function storedInput(alert: Record<string, unknown>): AlertInput {
  const { id: _i, owner: _o, status: _s, version: _v, createdAt: _c, updatedAt: _u, statusReason: _r, reviewDate: _d, flags: _f, flag: _g, personAlerts: _p, assetAlerts: _a, warnings: _w, ...input } = alert;
  return input as unknown as AlertInput;
}

const str = (v: string | number | undefined | null): string => (v === undefined || v === null ? '' : String(v));

/** The form of a stored alert, to edit it. */
export function draftOf(input: AlertInput): Draft {
  const d = newDraft(input.kind);
  const common = { ...d, action: str(input.action), remarks: str(input.remarks), caseReference: str(input.caseReference), expiresAt: str(input.expiresAt), hiddenFromFrontline: input.hiddenFromFrontline === true, publicNotice: input.publicNotice === true, visibility: input.visibility, original: input };
  if (input.kind === 'person') {
    const p = input.person;
    return {
      ...common,
      category: input.category,
      person: {
        names: p.names.map((n) => ({ family: str(n.family), given: str(n.given), full: str(n.full), script: str(n.script), type: n.type ?? '', ...(n.weak !== undefined ? { weak: n.weak } : {}) })),
        sex: p.sex ?? '',
        birthDate: str(p.birthDate),
        birthDateUncertain: p.birthDateUncertain === true,
        otherBirthDates: (p.otherBirthDates ?? []).join(', '),
        birthYearFrom: str(p.birthYearRange?.from),
        birthYearTo: str(p.birthYearRange?.to),
        birthPlace: str(p.birthPlace),
        birthCountry: str(p.birthCountry),
        nationalities: (p.nationalities ?? []).join(', '),
        refugeeFrom: (p.refugeeFrom ?? []).join(', '),
        documents: (p.documents ?? []).map((x) => ({ type: x.type, number: x.number, issuingState: str(x.issuingState) })),
        walletAddresses: (p.walletAddresses ?? []).map((w) => ({ address: w.address, ...(w.currency ? { currency: w.currency } : {}) })),
        warnings: [...(p.warnings ?? [])],
        heightCm: str(p.description?.heightCm),
        weightKg: str(p.description?.weightKg),
        eyes: str(p.description?.eyes),
        hair: str(p.description?.hair),
        marks: str(p.description?.marks),
        charge: str(p.arrest?.charge),
        law: str(p.arrest?.law),
        maximumPenalty: str(p.arrest?.maximumPenalty),
        warrantReference: str(p.arrest?.warrantReference),
      },
      offence: { description: str(input.offence?.description), maxSentenceYears: str(input.offence?.maxSentenceYears), lawReference: str(input.offence?.lawReference) },
      recast: recastDraftOf(input),
    };
  }
  if (input.kind === 'document') {
    const x = input.document;
    return { ...common, document: { issuingState: x.issuingState, type: x.type, number: x.number, status: x.status, eventDate: str(x.eventDate), eventPlace: str(x.eventPlace) } };
  }
  if (input.kind === 'asset') return { ...common, asset: assetDraftOf(input) };
  const v = input.vehicle;
  return { ...common, vehicle: { vin: str(v.vin), plate: str(v.plate), plateCountry: str(v.plateCountry), make: str(v.make), model: str(v.model), colour: str(v.colour), year: str(v.year) } };
}

/** Keeps the given keys whose value is present: an empty box is an absent field, not an empty one. */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o) as [keyof T, T[keyof T]][]) {
    if (v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** A number box: empty is absent; anything else goes to the schema as typed (it names what is wrong). */
const num = (s: string): number | string | undefined => (s.trim() === '' ? undefined : Number.isNaN(Number(s)) ? s : Number(s));
const codes = (s: string): string[] => s.split(/[\s,;]+/).filter(Boolean);
const without = <T extends object>(o: T | undefined, keys: string[]): Partial<T> => Object.fromEntries(Object.entries(o ?? {}).filter(([k]) => !keys.includes(k))) as Partial<T>;

/**
 * The alert body this form describes, for the same zod schema the API validates with. The form
 * shows every field an alert holds; the few it does not edit (a name's weak-alias mark, the import
 * reference, keys a newer server may add) are carried over from the stored alert, so editing never
 * loses them.
 */
export function toInput(d: Draft): unknown {
  const common = present({ action: d.action, remarks: d.remarks, caseReference: d.caseReference, expiresAt: d.expiresAt, hiddenFromFrontline: d.hiddenFromFrontline, publicNotice: d.publicNotice });
  const kept = without(d.original, ['kind', 'category', 'person', 'document', 'vehicle', 'asset', 'persons', 'offence', 'visibility', 'action', 'remarks', 'caseReference', 'expiresAt', 'hiddenFromFrontline', 'publicNotice', ...RECAST_KEYS]);
  const base = { ...kept, ...common, visibility: d.visibility };
  if (d.kind === 'person') {
    const before = d.original?.kind === 'person' ? d.original : undefined;
    const p = d.person;
    const description = present({ ...without(before?.person.description, ['heightCm', 'weightKg', 'eyes', 'hair', 'marks']), heightCm: num(p.heightCm), weightKg: num(p.weightKg), eyes: p.eyes, hair: p.hair, marks: p.marks });
    const arrest = present({ ...without(before?.person.arrest, ['charge', 'law', 'maximumPenalty', 'warrantReference']), charge: p.charge, law: p.law, maximumPenalty: p.maximumPenalty, warrantReference: p.warrantReference });
    // A year range needs both ends: sent when either is typed, so the schema names the missing one.
    const range = p.birthYearFrom.trim() || p.birthYearTo.trim() ? { birthYearRange: { from: num(p.birthYearFrom), to: num(p.birthYearTo) } } : {};
    const person = {
      ...without(before?.person, ['names', 'sex', 'birthDate', 'birthDateUncertain', 'otherBirthDates', 'birthYearRange', 'birthPlace', 'birthCountry', 'nationalities', 'refugeeFrom', 'documents', 'walletAddresses', 'warnings', 'description', 'arrest']),
      ...present({
        names: p.names.map((n) => present({ family: n.family, given: n.given, full: n.full, script: n.script, type: n.type, weak: n.weak })),
        sex: p.sex,
        birthDate: p.birthDate.trim(),
        birthDateUncertain: p.birthDateUncertain,
        otherBirthDates: p.otherBirthDates.split(/[\s,;]+/).filter(Boolean),
        birthPlace: p.birthPlace,
        birthCountry: p.birthCountry,
        nationalities: codes(p.nationalities),
        refugeeFrom: codes(p.refugeeFrom),
        documents: p.documents.map((x) => present({ type: x.type, number: x.number, issuingState: x.issuingState })),
        walletAddresses: p.walletAddresses.map((w) => ({ address: w.address, ...(w.currency ? { currency: w.currency } : {}) })),
        warnings: p.warnings,
      }),
      // A name needs one part: an all-empty row still goes, so the schema can point at it.
      ...(p.names.length > 0 ? {} : { names: [] }),
      ...range,
      ...(Object.keys(description).length > 0 ? { description } : {}),
      // Any arrest detail needs the charge: sent when anything of it is given, so a missing charge is named.
      // A preventive alert carries no warrant (its fields are hidden; the schema refuses one).
      ...(Object.keys(arrest).length > 0 && d.category !== 'preventive' ? { arrest: { charge: '', ...arrest } } : {}),
    };
    const offenceRest = without(before?.offence, ['description', 'maxSentenceYears', 'lawReference']);
    const offence = present({ ...offenceRest, description: d.offence.description, maxSentenceYears: num(d.offence.maxSentenceYears), lawReference: d.offence.lawReference });
    return { kind: 'person', category: d.category, person, ...(Object.keys(offence).length > 0 && d.category !== 'preventive' ? { offence: { description: '', ...offence } } : {}), ...recastInput(d.category, d.recast), ...base };
  }
  if (d.kind === 'document') {
    const x = d.document;
    return { kind: 'document', document: { type: x.type, status: x.status, issuingState: x.issuingState, number: x.number, ...present({ eventDate: x.eventDate.trim(), eventPlace: x.eventPlace }) }, ...base };
  }
  if (d.kind === 'asset') return { kind: 'asset', ...assetInputOf(d.asset), ...base };
  const v = d.vehicle;
  return { kind: 'vehicle', vehicle: present({ vin: v.vin, plate: v.plate, plateCountry: v.plateCountry, make: v.make, model: v.model, colour: v.colour, year: num(v.year) }), ...base };
}

/**
 * What changed, as the PATCH route takes it: each top-level key whose value differs (one-level
 * merge patch), `null` for an optional key now absent. Empty when nothing changed.
 */
export function patchBetween(before: AlertInput, after: AlertInput): Partial<AlertPatch> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('kind');
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (canonical(a) !== canonical(b)) patch[key] = b === undefined ? null : b;
  }
  return patch as Partial<AlertPatch>;
}

/** JSON with object keys sorted, so the same record written in another key order compares equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}
