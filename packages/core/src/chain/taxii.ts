import { CROSSCHECK_STIX_NAMESPACE } from './stix.js';
import { uuidv5 } from './uuid5.js';

/** The one media type of TAXII 2.1 resources, and of the STIX content its collections hold. */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** A member's collection of findings: the same id for every reader and on every day. */
export const taxiiCollectionId = (owner: string): string => uuidv5(CROSSCHECK_STIX_NAMESPACE, `taxii-collection:${owner}`);

/**
 * Whether an Accept header lets the server answer with TAXII 2.1 (TAXII 2.1, 1.6.8): the TAXII
 * media type with version 2.1 or no version, or a wildcard that covers it. A client that asks only
 * for something else (plain JSON, TAXII 2.0) gets 406. No header at all is taken as any type.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim());
    const values = new Map(params.map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq < 0 ? p.length : eq).trim().toLowerCase(), eq < 0 ? '' : p.slice(eq + 1).trim().replace(/^"|"$/g, '')] as const;
    }));
    const q = values.get('q');
    if (q !== undefined && !(Number(q) > 0)) return false;
    const t = type.toLowerCase();
    if (t === '*/*' || t === 'application/*') return true;
    if (t !== 'application/taxii+json') return false;
    const version = values.get('version');
    return version === undefined || version === '2.1';
  });
}

/** Where a page of a collection's objects starts: an object's date added, its finding ('' for the shared objects) and its place among that finding's objects. */
export interface ObjectPosition {
  at: string;
  finding: string;
  index: number;
}

/** The opaque `next` of a page. */
export function encodeNext(p: ObjectPosition): string {
  return `${p.at}~${p.finding}~${p.index}`;
}

/** A `next` this server gave, or undefined for anything else. */
export function decodeNext(text: string): ObjectPosition | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~([0-9a-f-]{0,40})~(\d{1,6})$/.exec(text);
  return m ? { at: m[1]!, finding: m[2]!, index: Number(m[3]) } : undefined;
}

/** Whether position `a` comes before `b` in a collection's order. */
export function positionBefore(a: ObjectPosition, b: ObjectPosition): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.finding !== b.finding) return a.finding < b.finding;
  return a.index < b.index;
}
