import { isPartialDate, MAX_ALERT_WALLETS, parseWalletAddress, PERSON_CATEGORIES, WALLET_CURRENCIES, type AlertInput } from '@crosscheck/core';
import { nameStrings } from './alert-to-ftm.js';
import { EXTENSION_VERSION, fromFtmCountry, fromFtmGender, type FtmEntity, type FtmProperties } from './ftm-entity.js';

type PersonCategory = (typeof PERSON_CATEGORIES)[number];
type PersonInput = Extract<AlertInput, { kind: 'person' }>;
type Name = PersonInput['person']['names'][number];
type IdDocument = NonNullable<PersonInput['person']['documents']>[number];
type Wallet = NonNullable<PersonInput['person']['walletAddresses']>[number];

export interface FtmLine {
  line: number;
  entity: FtmEntity;
}

/** One alert body to validate and import, or why an entity cannot be one (with its line). */
export type FtmConversion = { line: number; body: Record<string, unknown> } | { line: number; reason: string };

export interface FtmImportOptions {
  /** For persons whose category neither the extension nor the topics give. */
  category: PersonCategory;
  visibility: AlertInput['visibility'];
}

export interface FtmConversionReport {
  items: FtmConversion[];
  /** Entities that are no alert in crosscheck (Organization, Address, Ownership…), by schema. */
  skipped: Record<string, number>;
}

const IDENTIFICATION = new Set(['Passport', 'Identification']);
const TOPIC_CATEGORY: [string, PersonCategory][] = [
  ['wanted', 'arrest'],
  ['crime.terror', 'terrorist-fighter'],
  ['sanction', 'un-sanctions'],
];
const FTM_DOCUMENT_TYPE: Record<string, IdDocument['type']> = { passport: 'passport', 'identity card': 'identity-card', 'id card': 'identity-card', visa: 'visa', 'residence permit': 'residence-permit' };

/** A table lookup that never reaches Object.prototype (a type written "constructor"). */
const ownValue = <V>(table: Record<string, V>, key: string): V | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
const first = (p: FtmProperties, name: string): string | undefined => p[name]?.[0];
const all = (p: FtmProperties, name: string): string[] => p[name] ?? [];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** FollowTheMoney dates may carry a time; we keep YYYY, YYYY-MM or YYYY-MM-DD. */
function dates(values: string[]): string[] {
  return [...new Set(values.map((v) => v.slice(0, 10)).filter(isPartialDate))];
}

function countries(values: string[], extra: unknown): string[] {
  const out = new Set(values.map(fromFtmCountry).filter((c): c is string => c !== undefined));
  if (Array.isArray(extra)) for (const c of extra) if (typeof c === 'string') out.add(c);
  return [...out];
}

/** Heights come in metres from some sources (1.65) and centimetres from others (165). */
function centimetres(v: string | undefined): number | undefined {
  const n = v === undefined ? NaN : Number.parseFloat(v);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return Math.round(n < 3 ? n * 100 : n);
}

function wholeNumber(v: string | undefined): number | undefined {
  const n = v === undefined ? NaN : Number.parseFloat(v);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

function names(p: FtmProperties, ext: Record<string, unknown>): Name[] {
  const out: Name[] = Array.isArray(ext.names) ? (ext.names as Name[]) : [];
  const seen = new Set(out.flatMap((n) => (typeof n === 'object' && n !== null ? nameStrings(n).map(fold) : [])));
  const add = (n: Name, strings: string[]) => {
    if (strings.every((s) => seen.has(fold(s)))) return;
    for (const s of strings) seen.add(fold(s));
    out.push(n);
  };
  // Parts make one structured name only when unambiguous: OpenSanctions lists several first and
  // last names (scripts, spellings) whose pairing is lost; its full `name` values carry them.
  const single = (prop: string) => all(p, prop).length <= 1;
  const family = first(p, 'lastName');
  const given = [first(p, 'firstName'), first(p, 'middleName')].filter(Boolean).join(' ') || undefined;
  if ((family || given) && single('lastName') && single('firstName') && single('middleName')) add({ ...(family ? { family } : {}), ...(given ? { given } : {}) }, [[given, family].filter(Boolean).join(' ')]);
  for (const full of all(p, 'name')) add({ full }, [full]);
  for (const full of all(p, 'alias')) add({ full, type: 'alias' }, [full]);
  for (const full of all(p, 'weakAlias')) add({ full, type: 'alias', weak: true }, [full]);
  for (const full of all(p, 'previousName')) add({ full, type: 'former' }, [full]);
  return out;
}

function documentOf(e: FtmEntity): IdDocument {
  const ext = e.crosscheck ?? {};
  const type = (str(ext.documentType) as IdDocument['type'] | undefined) ?? ownValue(FTM_DOCUMENT_TYPE, fold(first(e.properties, 'type') ?? '')) ?? (e.schema === 'Passport' ? 'passport' : 'other');
  const state = fromFtmCountry(first(e.properties, 'country') ?? '') ?? str(ext.issuingState);
  return { type, number: first(e.properties, 'number') ?? '', ...(state ? { issuingState: state } : {}) };
}

/** Fields of the extension copied as they are; the alert schema validates them afterwards. */
function fromExtension(ext: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => ext[k] !== undefined).map((k) => [k, ext[k]]));
}
const COMMON_KEYS = ['action', 'caseReference', 'hiddenFromFrontline', 'expiresAt'];

function sourceRefOf(e: FtmEntity, unscId: string | undefined): string | undefined {
  // An entity carrying our extension came from crosscheck: its reference (or none) is in there.
  if (e.crosscheck) return str(e.crosscheck.sourceRef);
  if (unscId && /^[A-Za-z0-9._-]{1,100}$/.test(unscId)) return `un-sc:${unscId}`;
  return /^[A-Za-z0-9._-]{1,100}$/.test(e.id) ? `ftm:${e.id}` : undefined;
}

function remarksOf(p: FtmProperties): string | undefined {
  const notes = all(p, 'notes').join('\n').trim();
  return notes === '' ? undefined : notes.slice(0, 4000);
}

function person(e: FtmEntity, held: IdDocument[], wallets: Wallet[], sanction: FtmEntity | undefined, o: FtmImportOptions): Record<string, unknown> {
  const p = e.properties;
  const ext = e.crosscheck ?? {};
  const topics = all(p, 'topics');
  const category = str(ext.category) ?? (sanction ? 'un-sanctions' : TOPIC_CATEGORY.find(([t]) => topics.includes(t))?.[1]) ?? o.category;
  const birthDates = dates(all(p, 'birthDate'));
  const documents = [...held];
  for (const [prop, type] of [['passportNumber', 'passport'], ['idNumber', 'other']] as const) {
    for (const number of all(p, prop)) if (!documents.some((d) => d.number === number)) documents.push({ type, number });
  }
  const description = {
    ...(centimetres(first(p, 'height')) ? { heightCm: centimetres(first(p, 'height')) } : {}),
    ...(wholeNumber(first(p, 'weight')) ? { weightKg: wholeNumber(first(p, 'weight')) } : {}),
    ...(first(p, 'eyeColor') ? { eyes: first(p, 'eyeColor') } : {}),
    ...(first(p, 'hairColor') ? { hair: first(p, 'hairColor') } : {}),
    ...(first(p, 'appearance') ? { marks: first(p, 'appearance') } : {}),
  };
  const nationalities = countries([...all(p, 'nationality'), ...all(p, 'citizenship')], ext.nationalities);
  const birthCountry = fromFtmCountry(first(p, 'birthCountry') ?? '') ?? str(ext.birthCountry);
  const sex = fromFtmGender(first(p, 'gender')) ?? str(ext.sex);
  const sourceRef = sourceRefOf(e, sanction ? first(sanction.properties, 'unscId') : undefined);
  const remarks = remarksOf(p);
  return {
    kind: 'person',
    category,
    person: {
      names: names(p, ext),
      ...(sex ? { sex } : {}),
      ...(birthDates[0] ? { birthDate: birthDates[0] } : {}),
      ...(birthDates.length > 1 ? { otherBirthDates: birthDates.slice(1, 21) } : {}),
      ...(first(p, 'birthPlace') ? { birthPlace: first(p, 'birthPlace') } : {}),
      ...(birthCountry ? { birthCountry } : {}),
      ...(nationalities.length ? { nationalities: nationalities.slice(0, 10) } : {}),
      ...(documents.length ? { documents: documents.slice(0, 20) } : {}),
      ...(wallets.length ? { walletAddresses: wallets.slice(0, MAX_ALERT_WALLETS) } : {}),
      ...(Object.keys(description).length ? { description } : {}),
      ...fromExtension(ext, ['birthDateUncertain', 'birthYearRange', 'refugeeFrom', 'warnings', 'arrest']),
    },
    ...fromExtension(ext, ['offence', 'returnDecision', 'inquiry', 'preventive', ...COMMON_KEYS]),
    ...(remarks ? { remarks } : {}),
    ...(sourceRef ? { sourceRef } : {}),
    visibility: o.visibility,
  };
}

function documentAlert(e: FtmEntity, o: FtmImportOptions): Record<string, unknown> | string {
  const ext = e.crosscheck ?? {};
  const status = str(ext.documentStatus);
  if (!status) return `${e.schema} ${e.id} has no holder and no crosscheck.documentStatus (stolen-blank, stolen-issued, lost, revoked): it is not a document alert`;
  const d = documentOf(e);
  if (!d.issuingState) return `${e.schema} ${e.id}: country is missing or not an ISO 3166 code`;
  const remarks = remarksOf(e.properties);
  const sourceRef = sourceRefOf(e, undefined);
  return {
    kind: 'document',
    document: { issuingState: d.issuingState, type: d.type, number: d.number, status, ...fromExtension(ext, ['eventDate', 'eventPlace']) },
    ...fromExtension(ext, COMMON_KEYS),
    ...(remarks ? { remarks } : {}),
    ...(sourceRef ? { sourceRef } : {}),
    visibility: o.visibility,
  };
}

function vehicle(e: FtmEntity, o: FtmImportOptions): Record<string, unknown> {
  const p = e.properties;
  const ext = e.crosscheck ?? {};
  const plateCountry = fromFtmCountry(first(p, 'country') ?? '') ?? str(ext.plateCountry);
  const year = wholeNumber(first(p, 'buildDate')?.slice(0, 4));
  const remarks = remarksOf(p);
  const sourceRef = sourceRefOf(e, undefined);
  return {
    kind: 'vehicle',
    vehicle: {
      ...(first(p, 'registrationNumber') ? { plate: first(p, 'registrationNumber') } : {}),
      ...(plateCountry ? { plateCountry } : {}),
      ...(first(p, 'model') ? { model: first(p, 'model') } : {}),
      ...(year ? { year } : {}),
      ...fromExtension(ext, ['vin', 'make', 'colour']),
    },
    ...fromExtension(ext, COMMON_KEYS),
    ...(remarks ? { remarks } : {}),
    ...(sourceRef ? { sourceRef } : {}),
    visibility: o.visibility,
  };
}

/** The address of a CryptoWallet when the core can read it, with the currency crosscheck stated. */
function walletOf(e: FtmEntity): Wallet | undefined {
  const address = first(e.properties, 'publicKey');
  if (address === undefined || !parseWalletAddress(address).ok) return undefined;
  const currency = (WALLET_CURRENCIES as readonly unknown[]).includes(e.crosscheck?.currency) ? (e.crosscheck!.currency as Wallet['currency']) : undefined;
  return { address: address.trim(), ...(currency ? { currency } : {}) };
}

/**
 * FollowTheMoney entities to alert bodies. A Passport or Identification naming a holder in the
 * file becomes a document of that person, a CryptoWallet a wallet address; a Sanction on a person in the file makes it a UN
 * sanctions alert; entities crosscheck has no alert for are counted as skipped, not refused.
 * Bodies are validated afterwards by the same schema as the API, which names any bad field.
 */
export function ftmToAlerts(lines: FtmLine[], o: FtmImportOptions): FtmConversionReport {
  const byId = new Map(lines.map((l) => [l.entity.id, l]));
  const held = new Map<string, IdDocument[]>();
  const wallets = new Map<string, Wallet[]>();
  const sanctions = new Map<string, FtmEntity>();
  const items: FtmConversion[] = [];
  // No prototype: an entity whose schema is "constructor" or "__proto__" is counted like any other.
  const skipped: Record<string, number> = Object.create(null) as Record<string, number>;
  const isPerson = (id: string | undefined) => id !== undefined && byId.get(id)?.entity.schema === 'Person';

  for (const { line, entity: e } of lines) {
    const version = e.crosscheck?.v;
    if (version !== undefined && version !== EXTENSION_VERSION) items.push({ line, reason: `crosscheck extension version ${String(version)} is not ${EXTENSION_VERSION}` });
    else if (IDENTIFICATION.has(e.schema) && first(e.properties, 'holder') !== undefined) {
      const holder = first(e.properties, 'holder');
      // A document without a number (OpenSanctions has some) says nothing a border post can check.
      if (isPerson(holder)) {
        if (first(e.properties, 'number')) held.set(holder!, [...(held.get(holder!) ?? []), documentOf(e)]);
      }
      else items.push({ line, reason: `${e.schema} ${e.id}: its holder ${holder} is not a Person in this file` });
    } else if (e.schema === 'CryptoWallet') {
      // A person's Bitcoin or Ethereum wallet joins its alert; a wallet of another currency (whose
      // address the core cannot check) or of a company is no alert of ours, and is counted as skipped.
      const holder = first(e.properties, 'holder');
      const wallet = walletOf(e);
      if (isPerson(holder) && wallet) wallets.set(holder!, [...(wallets.get(holder!) ?? []), wallet]);
      else skipped.CryptoWallet = (skipped.CryptoWallet ?? 0) + 1;
    } else if (e.schema === 'Sanction') {
      const target = first(e.properties, 'entity');
      if (isPerson(target)) sanctions.set(target!, e);
      else skipped.Sanction = (skipped.Sanction ?? 0) + 1;
    }
  }
  for (const { line, entity: e } of lines) {
    if (e.crosscheck?.v !== undefined && e.crosscheck.v !== EXTENSION_VERSION) continue;
    if (e.schema === 'Person') items.push({ line, body: person(e, held.get(e.id) ?? [], wallets.get(e.id) ?? [], sanctions.get(e.id), o) });
    else if (IDENTIFICATION.has(e.schema) && first(e.properties, 'holder') === undefined) {
      const r = documentAlert(e, o);
      items.push(typeof r === 'string' ? { line, reason: r } : { line, body: r });
    } else if (e.schema === 'Vehicle' && e.crosscheck?.kind !== 'asset') items.push({ line, body: vehicle(e, o) });
    else if (!IDENTIFICATION.has(e.schema) && e.schema !== 'Sanction' && e.schema !== 'CryptoWallet') skipped[e.schema] = (skipped[e.schema] ?? 0) + 1;
  }
  return { items: items.sort((a, b) => a.line - b.line), skipped };
}
