import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

type Json = Record<string, unknown>;

/**
 * A field the OpenAPI document constrains with a pattern or a list, the request it sits in (a
 * body the server accepts as it is), and sample values: for each, what the document says
 * (the value matches the pattern, or is in the list) must be what the server does (answers,
 * or refuses with 422).
 */
interface Case {
  method: 'POST' | 'GET';
  path: string;
  /** Where the field is: in the body (a dotted path, numbers for array items) or the query. */
  field: string;
  in: 'body' | 'query';
  body?: () => Json;
  samples: string[];
  role: [string, string];
}

const person = (): Json => ({ kind: 'person', category: 'warning', person: { names: [{ family: 'TESTER', given: 'TOM' }], birthDate: '1970-01-01', sex: 'M', nationalities: ['FRA'], documents: [{ issuingState: 'FRA', type: 'passport', number: 'AB123' }], warnings: ['armed'] }, visibility: { mode: 'all' } });
const doc = (): Json => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: 'AB123', status: 'lost' }, visibility: { mode: 'all' } });
const vehicle = (): Json => ({ kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA' }, visibility: { mode: 'only', members: ['DEU'] } });

const query = (): Json => ({ person: { names: ['Tom Tester'], birthDate: '1970', sex: 'M', nationality: 'FRA' }, documents: [{ number: 'AB123', issuingState: 'FRA' }], vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB123', plateCountry: 'FRA' } });

const CODE3 = ['FRA', 'fra', ' Fra ', 'FR', 'FRAN', 'F1A', ''];
const STATE = ['D', 'FRA', 'fra', 'd', ' D ', 'FRAN', 'F1', ''];
const BUREAU: [string, string] = ['FRA', 'bureau'];
const ADMIN: [string, string] = ['IPO', 'admin'];
const FRONTLINE: [string, string] = ['FRA', 'frontline'];

const CASES: Case[] = [
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.sex', samples: ['M', 'F', 'X', 'U', 'm', 'male', ''], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.nationalities.0', samples: CODE3, role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.birthCountry', samples: CODE3, role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.documents.0.issuingState', samples: STATE, role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.documents.0.type', samples: ['passport', 'visa', 'Passport', 'driving-licence'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.names.0.script', samples: ['Latn', 'Cyrl', 'cyrl', 'CYRL', 'Cyr'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.names.0.type', samples: ['primary', 'alias', 'nickname'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'person.warnings.0', samples: ['armed', 'escape-risk', 'Armed', 'dangerous'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'category', samples: ['warning', 'locate', 'Warning', 'wanted'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: person, field: 'sourceRef', samples: ['un-sc:6907995', 'ref:A.b_c-1', 'UN-SC:1', 'un sc:1', 'nocolon', ' un-sc:1 '], role: BUREAU },
  // A member enters documents of its own state only: FRA's bureau, FRA's documents.
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: doc, field: 'document.issuingState', samples: ['FRA', 'fra', ' Fra ', 'FRAN', 'F1', ''], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: doc, field: 'document.status', samples: ['lost', 'stolen-blank', 'stolen', 'Lost'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: vehicle, field: 'vehicle.vin', samples: ['1M8GDM9AXKP042788', '1m8gdm9axkp042788', ' 1M8GDM9AXKP042788 ', 'ABCDE', 'ABCD', '1M8GDM9AXKP0427881', '1M8-GDM9'], role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: vehicle, field: 'vehicle.plateCountry', samples: CODE3, role: BUREAU },
  { method: 'POST', path: '/api/v1/alerts', in: 'body', body: vehicle, field: 'visibility.members.0', samples: CODE3, role: BUREAU },
  { method: 'POST', path: '/api/v1/screen', in: 'body', body: query, field: 'person.nationality', samples: ['LY', 'ly', 'LBY', ' lby ', 'L', 'LIBY', 'L1'], role: FRONTLINE },
  { method: 'POST', path: '/api/v1/screen', in: 'body', body: query, field: 'documents.0.issuingState', samples: STATE, role: FRONTLINE },
  { method: 'POST', path: '/api/v1/screen', in: 'body', body: query, field: 'vehicle.plateCountry', samples: [...CODE3, 'F'], role: FRONTLINE },
  { method: 'POST', path: '/api/v1/keys', in: 'body', body: () => ({ member: 'FRA', role: 'frontline', label: 'sample' }), field: 'member', samples: CODE3, role: ADMIN },
  { method: 'POST', path: '/api/v1/keys', in: 'body', body: () => ({ member: 'FRA', role: 'frontline', label: 'sample' }), field: 'role', samples: ['frontline', 'analyst', 'Frontline', 'chief'], role: ADMIN },
  { method: 'GET', path: '/api/v1/alerts', in: 'query', field: 'owner', samples: CODE3.filter((c) => c !== ''), role: BUREAU },
  { method: 'GET', path: '/api/v1/alerts', in: 'query', field: 'kind', samples: ['person', 'Person', 'car'], role: BUREAU },
  { method: 'GET', path: '/api/v1/alerts', in: 'query', field: 'status', samples: ['active', 'expired', 'Active', 'open'], role: BUREAU },
  { method: 'GET', path: '/api/v1/keys', in: 'query', field: 'member', samples: CODE3.filter((c) => c !== ''), role: ADMIN },
  { method: 'GET', path: '/api/v1/users', in: 'query', field: 'member', samples: CODE3.filter((c) => c !== ''), role: ADMIN },
  { method: 'GET', path: '/api/v1/audit', in: 'query', field: 'member', samples: CODE3.filter((c) => c !== ''), role: ['IPO', 'auditor'] },
  { method: 'GET', path: '/public/notices/v1/red', in: 'query', field: 'nationality', samples: ['SE', 'SWE', 'swe', 'S', 'SWED'], role: BUREAU },
  { method: 'GET', path: '/public/notices/v1/red', in: 'query', field: 'sexId', samples: ['M', 'F', 'U', 'm', 'X'], role: BUREAU },
];

/** The schema of a field, found by walking properties and items; of alternatives, the one for this body's kind. */
function fieldSchema(schema: Json, path: string[], body: Json | undefined): Json | undefined {
  let node: Json | undefined = schema;
  let value: unknown = body;
  for (const key of path) {
    node = branch(node, value);
    if (node === undefined) return undefined;
    node = /^\d+$/.test(key) ? (node.items as Json | undefined) : ((node.properties as Json | undefined)?.[key] as Json | undefined);
    value = (value as Json | undefined)?.[key];
  }
  return node === undefined ? undefined : branch(node, value);
}

function branch(node: Json | undefined, value: unknown): Json | undefined {
  const options = (node?.oneOf ?? node?.anyOf) as Json[] | undefined;
  if (!options) return node;
  const typed = options.filter((o) => o.type !== 'null');
  const kind = (value as Json | undefined)?.kind;
  const mode = (value as Json | undefined)?.mode;
  const chosen =
    typed.find((o) => kind !== undefined && ((o.properties as Json | undefined)?.kind as Json | undefined)?.enum !== undefined && (((o.properties as Json).kind as Json).enum as unknown[]).includes(kind)) ??
    typed.find((o) => mode !== undefined && ((o.properties as Json | undefined)?.mode as Json | undefined)?.enum !== undefined && (((o.properties as Json).mode as Json).enum as unknown[]).includes(mode)) ??
    typed[0];
  return branch(chosen, value);
}

/** What the document says of a value: undefined when it constrains the field with neither a pattern nor a list. */
function documented(schema: Json, value: string): boolean | undefined {
  const checks: boolean[] = [];
  if (typeof schema.pattern === 'string') checks.push(new RegExp(schema.pattern, 'u').test(value));
  if (Array.isArray(schema.enum)) checks.push(schema.enum.includes(value));
  if (typeof schema.minLength === 'number') checks.push(value.length >= schema.minLength);
  if (typeof schema.maxLength === 'number') checks.push(value.length <= schema.maxLength);
  return checks.length === 0 ? undefined : checks.every(Boolean);
}

function withField(body: Json, path: string[], value: string): Json {
  const copy = structuredClone(body);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[path[path.length - 1]!] = value;
  return copy;
}

describe.each(ENGINES)('the OpenAPI document says what the server accepts (%s)', (engine) => {
  let h: Harness;
  let doc: { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Json }> }; parameters?: { in: string; name: string; schema: Json }[] }>> };
  beforeAll(async () => {
    h = await httpHarness(engine, [BUREAU, FRONTLINE, ADMIN, ['IPO', 'auditor']] as never);
    doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  afterAll(async () => h?.close());

  it('for every sample value of every constrained field: documented as valid exactly when the server takes it', async () => {
    const mismatches: string[] = [];
    for (const c of CASES) {
      const op = doc.paths[c.path]?.[c.method.toLowerCase()];
      expect(op, `${c.method} ${c.path}`).toBeDefined();
      const path = c.field.split('.');
      const base = c.body?.();
      const schema = c.in === 'body' ? fieldSchema(op!.requestBody!.content['application/json']!.schema, path, base) : op!.parameters?.find((p) => p.in === 'query' && p.name === c.field)?.schema;
      expect(schema, `${c.method} ${c.path} ${c.field}`).toBeDefined();
      for (const sample of c.samples) {
        const says = documented(schema!, sample);
        expect(says, `${c.method} ${c.path} ${c.field}: neither a pattern nor a list`).not.toBeUndefined();
        const r =
          c.in === 'body'
            ? await h.app.inject({ method: c.method, url: c.path, headers: bearer(h.key(...(c.role as [string, 'bureau']))), payload: withField(base!, path, sample) })
            : await h.app.inject({ method: c.method, url: `${c.path}?${new URLSearchParams({ [c.field]: sample })}`, headers: bearer(h.key(...(c.role as [string, 'bureau']))) });
        expect([200, 201, 422], `${c.method} ${c.path} ${c.field}=${JSON.stringify(sample)}: ${r.body}`).toContain(r.statusCode);
        const takes = r.statusCode !== 422;
        if (takes !== says) mismatches.push(`${c.method} ${c.path} ${c.field} = ${JSON.stringify(sample)}: the document says ${says ? 'valid' : 'invalid'}, the server ${takes ? 'takes it' : `refuses it (${(r.json() as { detail: string }).detail})`}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
