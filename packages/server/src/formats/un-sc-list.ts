import { XMLParser } from 'fast-xml-parser';
import type { AlertInput } from '@crosscheck/core';
import { countryCode } from './country-names.js';

/**
 * The UN Security Council Consolidated List (XML, as published at scsanctions.un.org): its
 * individuals become person alerts of category `un-sanctions`, each with `sourceRef`
 * `un-sc:<DATAID>` so that a second import updates instead of duplicating.
 */
export const MAX_UN_LIST_BYTES = 100 * 1024 * 1024;

export interface UnListResult {
  alerts: AlertInput[];
  /** One line per field that could not be used, naming the DATAID. */
  warnings: string[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['INDIVIDUAL', 'INDIVIDUAL_ALIAS', 'INDIVIDUAL_DATE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'VALUE', 'INDIVIDUAL_PLACE_OF_BIRTH']);

export function parseUnList(xml: string, visibility: AlertInput['visibility'] = { mode: 'all' }): UnListResult {
  if (xml.length > MAX_UN_LIST_BYTES) throw new Error(`the list is larger than ${MAX_UN_LIST_BYTES} bytes`);
  // The published list declares no entities; refusing DOCTYPE rules out entity-expansion bombs.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('the list must not contain a DOCTYPE or entity declarations');
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => ARRAYS.has(name),
  });
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (e) {
    throw new Error(`not well-formed XML: ${(e as Error).message}`);
  }
  if (!('CONSOLIDATED_LIST' in doc)) throw new Error('not a UN consolidated list: no CONSOLIDATED_LIST element');
  const root = typeof doc.CONSOLIDATED_LIST === 'object' && doc.CONSOLIDATED_LIST !== null ? (doc.CONSOLIDATED_LIST as Node) : {};
  const individuals = ((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL as Node[] | undefined) ?? [];
  const warnings: string[] = [];
  const alerts: AlertInput[] = [];
  for (const ind of individuals) {
    const alert = toAlert(ind, visibility, warnings);
    if (alert) alerts.push(alert);
  }
  return { alerts, warnings };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : undefined);
const values = (v: unknown): string[] => (((v as Node | undefined)?.VALUE as unknown[] | undefined) ?? []).map(str).filter((x): x is string => x !== undefined);
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? (v as unknown[]).filter((x): x is Node => typeof x === 'object' && x !== null) : []);

function toAlert(ind: Node, visibility: AlertInput['visibility'], warnings: string[]): AlertInput | null {
  const id = str(ind.DATAID);
  if (!id || !/^\d{1,20}$/.test(id)) {
    warnings.push('an individual without a numeric DATAID was skipped');
    return null;
  }
  const primary = [ind.FIRST_NAME, ind.SECOND_NAME, ind.THIRD_NAME, ind.FOURTH_NAME].map(str).filter((x): x is string => x !== undefined).join(' ');
  const names: { full: string; type?: 'primary' | 'alias'; script?: string; weak?: boolean }[] = [];
  if (primary) names.push({ full: primary.slice(0, 400), type: 'primary' });
  const original = str(ind.NAME_ORIGINAL_SCRIPT);
  if (original) names.push({ full: original.slice(0, 400), type: 'alias' });
  for (const alias of nodes(ind.INDIVIDUAL_ALIAS)) {
    const name = str(alias.ALIAS_NAME);
    if (!name) continue;
    names.push({ full: name.slice(0, 400), type: 'alias', ...(str(alias.QUALITY)?.toLowerCase() === 'low' ? { weak: true } : {}) });
  }
  if (names.length === 0) {
    warnings.push(`un-sc:${id}: no name, skipped`);
    return null;
  }

  const dates: string[] = [];
  let range: { from: number; to: number } | undefined;
  for (const dob of nodes(ind.INDIVIDUAL_DATE_OF_BIRTH)) {
    const date = str(dob.DATE);
    const year = str(dob.YEAR);
    const from = Number(str(dob.FROM_YEAR));
    const to = Number(str(dob.TO_YEAR));
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) dates.push(date);
    else if (year && /^\d{4}$/.test(year)) dates.push(year);
    else if (Number.isInteger(from) && Number.isInteger(to) && from >= 1800 && from <= to && to <= 2200) range = { from, to };
  }

  const nationalities: string[] = [];
  for (const n of values(ind.NATIONALITY)) {
    const code = countryCode(n);
    if (code) nationalities.push(code);
    else warnings.push(`un-sc:${id}: nationality "${n}" is not a known country`);
  }

  const documents: { issuingState?: string; type: 'passport' | 'identity-card' | 'other'; number: string }[] = [];
  for (const d of nodes(ind.INDIVIDUAL_DOCUMENT)) {
    const number = str(d.NUMBER);
    if (!number) continue;
    const kind = (str(d.TYPE_OF_DOCUMENT) ?? '').toLowerCase();
    const state = countryCode(str(d.ISSUING_COUNTRY) ?? str(d.COUNTRY_OF_ISSUE));
    documents.push({
      ...(state ? { issuingState: state } : {}),
      type: kind.includes('passport') ? 'passport' : kind.includes('identification') || kind.includes('identity') ? 'identity-card' : 'other',
      number: number.slice(0, 40),
    });
  }

  const gender = (str(ind.GENDER) ?? '').toLowerCase();
  const sex = gender === 'male' ? 'M' : gender === 'female' ? 'F' : undefined;
  const [first, ...others] = dates;
  return {
    kind: 'person',
    category: 'un-sanctions',
    person: {
      names: names.slice(0, 50),
      ...(sex ? { sex } : {}),
      ...(first ? { birthDate: first } : {}),
      ...(others.length > 0 ? { otherBirthDates: others.slice(0, 20) } : {}),
      ...(range ? { birthYearRange: range } : {}),
      ...(nationalities.length > 0 ? { nationalities: [...new Set(nationalities)].slice(0, 10) } : {}),
      ...(documents.length > 0 ? { documents: documents.slice(0, 20) } : {}),
    },
    caseReference: str(ind.REFERENCE_NUMBER)?.slice(0, 100) ?? `un-sc:${id}`,
    ...(str(ind.COMMENTS1) ? { remarks: str(ind.COMMENTS1)!.slice(0, 4000) } : {}),
    action: 'Person under UN Security Council sanctions: apply the measures of the relevant sanctions regime and inform your national bureau.',
    sourceRef: `un-sc:${id}`,
    visibility,
  } satisfies AlertInput;
}
