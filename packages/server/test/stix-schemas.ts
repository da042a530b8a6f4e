import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'stix2.1', 'schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

/**
 * The official STIX 2.1 JSON schemas (vendored, see fixtures/stix2.1/SOURCE.md), compiled once with
 * Ajv for draft 2020-12. Every file is registered under its own `$id`, so relative `$ref`s resolve
 * offline.
 */
export function stixValidators(): { bundle: ValidateFunction; of(path: string): ValidateFunction } {
  // The schemas escape `-` outside character classes (`\\-?`), which a regular expression with the
  // `u` flag refuses; JSON Schema patterns are ECMA-262 expressions, read here without it.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  // Only domain-name objects use it (ajv-formats has no internationalised host names); none is built here.
  ajv.addFormat('idn-hostname', true);
  for (const folder of readdirSync(ROOT)) {
    for (const file of readdirSync(join(ROOT, folder))) {
      if (file.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(join(ROOT, folder, file), 'utf8')) as object);
    }
  }
  const of = (path: string) => {
    const v = ajv.getSchema(`${BASE}${path}`);
    if (!v) throw new Error(`no STIX schema ${path}`);
    return v;
  };
  return { bundle: of('common/bundle.json'), of };
}
