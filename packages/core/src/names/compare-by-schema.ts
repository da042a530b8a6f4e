import type { MatchReason } from '../reasons/match-reason.js';
import { compareNames } from './compare-names.js';
import { prepareCompanyName, scoreCompany } from './company-names.js';
import { prepareName, type NameInput } from './prepare-name.js';

/**
 * The FollowTheMoney schemas (https://followthemoney.tech/explorer/schemata/) whose names can be
 * compared, and the matcher each takes: a person's name has given and family names, titles and
 * filiation; every other named thing is compared as an organisation's name, its legal form (or a
 * vessel's prefix) set apart.
 */
export const NAME_SCHEMAS = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel'] as const;
export type NameSchema = (typeof NAME_SCHEMAS)[number];

export function isNameSchema(value: unknown): value is NameSchema {
  return typeof value === 'string' && (NAME_SCHEMAS as readonly string[]).includes(value);
}

export interface SchemaComparison {
  score: number;
  reasons: MatchReason[];
}

/** An unknown schema name: the caller says so to whoever gave it. */
export class UnknownSchemaError extends Error {
  constructor(readonly schema: string) {
    super(`unknown schema "${schema}": expected one of ${NAME_SCHEMAS.join(', ')}`);
    this.name = 'UnknownSchemaError';
  }
}

/**
 * Two names of things of one schema compared with that schema's matcher. A person's name may be
 * structured ({family, given, full}); any other is its full text. Throws UnknownSchemaError.
 */
export function compareBySchema(schema: string, a: string | NameInput, b: string | NameInput): SchemaComparison {
  if (!isNameSchema(schema)) throw new UnknownSchemaError(schema);
  if (schema === 'Person') return compareNames(prepareName(a), prepareName(b));
  const text = (n: string | NameInput): string => (typeof n === 'string' ? n : (n.full ?? [n.given, n.family].filter(Boolean).join(' ')));
  const options = { vessel: schema === 'Vessel' };
  return scoreCompany({ names: [prepareCompanyName(text(a), options)] }, { names: [prepareCompanyName(text(b), options)] });
}
