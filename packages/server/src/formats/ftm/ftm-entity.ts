import countries from 'i18n-iso-countries';
import { z } from 'zod';

/**
 * One FollowTheMoney entity as OpenSanctions and Aleph write them, one per line: `{id, schema,
 * properties: {prop: [values]}}`. Fields we do not read (caption, datasets, referents,
 * first_seen…) are allowed and ignored. What crosscheck holds and FollowTheMoney has no
 * property for travels in the documented top-level `crosscheck` extension (docs/formats.md).
 */
export const MAX_FTM_LINE_BYTES = 256 * 1024;
/** An import is read whole (a Passport may name its holder on any line): bounded. */
export const MAX_FTM_ENTITIES = 200_000;

const value = z.string().max(4000);
export const ftmEntitySchema = z.object({
  id: z.string().min(1).max(500),
  schema: z.string().min(1).max(60),
  properties: z.record(z.string().max(60), z.array(value).max(500)).default({}),
  crosscheck: z.record(z.string(), z.unknown()).optional(),
});
export type FtmEntity = z.infer<typeof ftmEntitySchema>;
export type FtmProperties = Record<string, string[]>;

/** The extension's version: a reader refuses one it does not know rather than misread it. */
export const EXTENSION_VERSION = 1;

/** FollowTheMoney's `country` type is ISO 3166-1 alpha-2 in lower case; ICAO-only codes (UTO, D) have none. */
export function toFtmCountry(alpha3: string): string | undefined {
  return countries.alpha3ToAlpha2(alpha3)?.toLowerCase();
}

export function fromFtmCountry(code: string): string | undefined {
  const c = code.trim();
  if (/^[a-zA-Z]{2}$/.test(c)) return countries.alpha2ToAlpha3(c.toUpperCase()) ?? undefined;
  if (/^[a-zA-Z]{3}$/.test(c) && countries.isValid(c.toUpperCase())) return c.toUpperCase();
  return undefined;
}

export const FTM_GENDER = { M: 'male', F: 'female', X: 'other' } as const;
export function fromFtmGender(g: string | undefined): 'M' | 'F' | 'X' | undefined {
  if (g === 'male') return 'M';
  if (g === 'female') return 'F';
  if (g === 'other') return 'X';
  return undefined;
}

/** Adds non-empty, not-yet-present values: FollowTheMoney properties are sets in practice. */
export function put(props: FtmProperties, name: string, ...values: (string | number | undefined | null)[]): void {
  for (const v of values) {
    if (v === undefined || v === null) continue;
    const s = String(v).trim();
    if (s === '') continue;
    const list = (props[name] ??= []);
    if (!list.includes(s)) list.push(s);
  }
}
