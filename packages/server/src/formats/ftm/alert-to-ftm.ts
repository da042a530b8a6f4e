import { parseWalletAddress } from '@crosscheck/core';
import type { AlertView } from '../../store/alert-repo.js';
import { assetEntities } from './asset-to-ftm.js';
import { EXTENSION_VERSION, FTM_GENDER, put, toFtmCountry, type FtmEntity, type FtmProperties } from './ftm-entity.js';

type PersonView = Extract<AlertView, { kind: 'person' }>;
type Name = PersonView['person']['names'][number];

/** Our entity ids are stable, so that re-exporting updates a peer's copy instead of duplicating it. */
export const ftmId = (alertId: string, suffix = '') => `crosscheck-${alertId}${suffix}`;

const TOPICS: Partial<Record<PersonView['category'], string>> = { arrest: 'wanted', 'un-sanctions': 'sanction', 'terrorist-fighter': 'crime.terror', threat: 'crime', warning: 'poi', locate: 'poi', 'discreet-check': 'poi', 'inquiry-check': 'poi' };
// A preventive alert protects the person and a return decision is an administrative measure: neither gets a topic that a reader could take for "wanted" or "crime".
const DOCUMENT_FTM_TYPE: Record<string, string> = { passport: 'passport', 'identity-card': 'identity card', visa: 'visa', 'residence-permit': 'residence permit', other: 'other' };

/** The ways a name is written, original script first, then the Latin "given family" form. */
export function nameStrings(n: Name): string[] {
  const latin = [n.given, n.family].filter(Boolean).join(' ');
  return [...new Set([n.full, latin].filter((s): s is string => !!s && s.trim() !== ''))];
}

/** Countries that have an alpha-2 code go in FollowTheMoney's property; the others only in the extension. */
export function countries(props: FtmProperties, prop: string, codes: readonly string[] | undefined): string[] {
  const unmapped: string[] = [];
  for (const c of codes ?? []) {
    const two = toFtmCountry(c);
    if (two) put(props, prop, two);
    else unmapped.push(c);
  }
  return unmapped;
}

/** Keeps only defined values, so the extension carries nothing empty. */
export function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

export function common(a: AlertView): Record<string, unknown> {
  return { v: EXTENSION_VERSION, alertId: a.id, owner: a.owner, status: a.status, kind: a.kind, action: a.action, caseReference: a.caseReference, sourceRef: a.sourceRef, hiddenFromFrontline: a.hiddenFromFrontline, expiresAt: a.expiresAt, reviewDate: a.reviewDate };
}

function personEntities(a: PersonView): FtmEntity[] {
  const p = a.person;
  const props: FtmProperties = {};
  p.names.forEach((n, i) => {
    const strings = nameStrings(n);
    const prop = i === 0 || n.type === 'primary' || n.type === undefined ? 'name' : n.type === 'alias' ? (n.weak ? 'weakAlias' : 'alias') : 'previousName';
    put(props, prop, ...strings);
    if (i === 0) {
      put(props, 'firstName', n.given);
      put(props, 'lastName', n.family);
    }
  });
  put(props, 'birthDate', p.birthDate, ...(p.otherBirthDates ?? []));
  put(props, 'birthPlace', p.birthPlace);
  const unmappedBirthCountry = countries(props, 'birthCountry', p.birthCountry ? [p.birthCountry] : []);
  const unmappedNationalities = countries(props, 'nationality', p.nationalities);
  if (p.sex && p.sex !== 'U') put(props, 'gender', FTM_GENDER[p.sex]);
  for (const d of p.documents ?? []) put(props, d.type === 'passport' ? 'passportNumber' : 'idNumber', d.number);
  put(props, 'height', p.description?.heightCm);
  put(props, 'weight', p.description?.weightKg);
  put(props, 'eyeColor', p.description?.eyes);
  put(props, 'hairColor', p.description?.hair);
  put(props, 'appearance', p.description?.marks);
  put(props, 'notes', a.remarks);
  put(props, 'topics', TOPICS[a.category]);

  const person: FtmEntity = {
    id: ftmId(a.id),
    schema: 'Person',
    properties: props,
    crosscheck: compact({
      ...common(a),
      category: a.category,
      // The exact structured names (scripts, types, weak aliases): FollowTheMoney keeps only strings.
      names: p.names,
      sex: p.sex === 'U' ? 'U' : undefined,
      birthDateUncertain: p.birthDateUncertain,
      birthYearRange: p.birthYearRange,
      birthCountry: unmappedBirthCountry[0],
      nationalities: unmappedNationalities,
      refugeeFrom: p.refugeeFrom,
      warnings: p.warnings,
      arrest: p.arrest,
      offence: a.offence,
      // The SIS recast categories' sections (FollowTheMoney has no property for them).
      returnDecision: a.returnDecision,
      inquiry: a.inquiry,
      preventive: a.preventive,
    }),
  };
  const out: FtmEntity[] = [person];
  (p.documents ?? []).forEach((d, i) => {
    const dp: FtmProperties = {};
    put(dp, 'holder', person.id);
    put(dp, 'number', d.number);
    put(dp, 'type', DOCUMENT_FTM_TYPE[d.type]);
    const unmapped = d.issuingState ? countries(dp, 'country', [d.issuingState]) : [];
    out.push({ id: ftmId(a.id, `-doc-${i + 1}`), schema: d.type === 'passport' ? 'Passport' : 'Identification', properties: dp, crosscheck: compact({ v: EXTENSION_VERSION, documentType: d.type, issuingState: unmapped[0] }) });
  });
  (p.walletAddresses ?? []).forEach((w, i) => {
    const wp: FtmProperties = {};
    put(wp, 'holder', person.id);
    put(wp, 'publicKey', w.address);
    const parsed = parseWalletAddress(w.address);
    put(wp, 'currencySymbol', parsed.ok ? parsed.address.currency : w.currency);
    // A currency the owner stated travels in the extension: FollowTheMoney's symbol is always written.
    out.push({ id: ftmId(a.id, `-wallet-${i + 1}`), schema: 'CryptoWallet', properties: wp, ...(w.currency ? { crosscheck: { v: EXTENSION_VERSION, currency: w.currency } } : {}) });
  });
  if (a.category === 'un-sanctions') {
    const sp: FtmProperties = {};
    put(sp, 'entity', person.id);
    put(sp, 'authority', 'United Nations Security Council');
    if (a.sourceRef?.startsWith('un-sc:')) put(sp, 'unscId', a.sourceRef.slice('un-sc:'.length));
    out.push({ id: ftmId(a.id, '-sanction'), schema: 'Sanction', properties: sp });
  }
  return out;
}

/**
 * One alert as FollowTheMoney entities: a person as Person (+ Passport/Identification per
 * document it carries, + CryptoWallet per wallet address, + Sanction for UN sanctions), a document as Passport/Identification
 * without holder (a stolen blank has none, though FollowTheMoney marks holder as required),
 * a vehicle as Vehicle. The visibility list never leaves: the receiving side sets its own.
 */
export function alertToFtm(a: AlertView): FtmEntity[] {
  if (a.kind === 'person') return personEntities(a);
  if (a.kind === 'asset') return assetEntities(a);
  const props: FtmProperties = {};
  if (a.kind === 'document') {
    const d = a.document;
    put(props, 'number', d.number);
    put(props, 'type', DOCUMENT_FTM_TYPE[d.type]);
    const unmapped = countries(props, 'country', [d.issuingState]);
    put(props, 'notes', a.remarks);
    return [{ id: ftmId(a.id), schema: d.type === 'passport' ? 'Passport' : 'Identification', properties: props, crosscheck: compact({ ...common(a), documentType: d.type, issuingState: unmapped[0], documentStatus: d.status, eventDate: d.eventDate, eventPlace: d.eventPlace }) }];
  }
  const v = a.vehicle;
  put(props, 'name', [v.make, v.model, v.plate].filter(Boolean).join(' '));
  put(props, 'registrationNumber', v.plate);
  const unmapped = v.plateCountry ? countries(props, 'country', [v.plateCountry]) : [];
  put(props, 'model', v.model);
  put(props, 'buildDate', v.year);
  put(props, 'notes', a.remarks);
  return [{ id: ftmId(a.id), schema: 'Vehicle', properties: props, crosscheck: compact({ ...common(a), vin: v.vin, make: v.make, colour: v.colour, plateCountry: unmapped[0] }) }];
}
