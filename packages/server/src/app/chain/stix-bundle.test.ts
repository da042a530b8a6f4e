import { BITCOIN_LOCATION_EXTENSION, BITCOIN_LOCATION_SCHEMA, memberIdentityId, scoId, stixBundle, type StixFinding, type StixObject } from '@crosscheck/core/chain';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { location, pngBytes, scanned, textFinding } from '../../../test/findings.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { stixValidators } from '../../../test/stix-schemas.js';
import { recordFindings } from './record-findings.js';

const schemas = stixValidators();

/**
 * Every object valid against its own STIX schema, and the bundle against the bundle's. The
 * bundle's schema does not list `extension-definition` (STIX 2.1 added it late) and its branch for
 * other objects cannot take one (an extension definition matches both the SDO and the SCO core, and
 * that branch wants exactly one): extension definitions are held to their own schema only.
 */
function expectValid(bundle: unknown): void {
  const { objects, ...rest } = bundle as { objects: StixObject[] };
  const ok = schemas.bundle({ ...rest, objects: objects.filter((o) => o.type !== 'extension-definition') });
  expect(schemas.bundle.errors ?? [], 'bundle').toEqual([]);
  expect(ok).toBe(true);
  const paths: Record<string, string> = {
    file: 'observables/file.json',
    artifact: 'observables/artifact.json',
    'observed-data': 'sdos/observed-data.json',
    indicator: 'sdos/indicator.json',
    relationship: 'sros/relationship.json',
    identity: 'sdos/identity.json',
    'extension-definition': 'common/extension-definition.json',
  };
  for (const o of (bundle as { objects: StixObject[] }).objects) {
    const validate = schemas.of(paths[o.type]!);
    const valid = validate(o);
    expect(validate.errors ?? [], `${o.type} ${o.id}`).toEqual([]);
    expect(valid).toBe(true);
  }
}

const f = (over: Partial<StixFinding> = {}): StixFinding => {
  const s = scanned(pngBytes('stix'), { method: 'ordinals', mediaType: 'image/png', locations: [location('a', 800_000, { kind: 'input', index: 0, item: 1 }), location('b', null, { kind: 'outputs', first: 1, last: 3 })] });
  return { id: '019a0000-0000-7000-8000-000000000001', owner: 'FRA', status: 'known-bad', firstSeenAt: '2026-12-06T10:00:00.000Z', changedAt: '2026-12-06T11:00:00.000Z', ...s, ...over };
};
const options = { contentUrl: (id: string) => `https://crosscheck.example/api/v1/chain/findings/${id}/content` };

describe('STIX 2.1 bundles of findings', () => {
  it('validate against the official STIX 2.1 schemas, with and without the bytes', () => {
    const findings = [
      f(),
      f({ id: '019a0000-0000-7000-8000-000000000002', owner: 'DEU', status: 'new', mediaType: null, sha256: 'a'.repeat(64), md5: 'b'.repeat(32) }),
      f({ id: '019a0000-0000-7000-8000-000000000003', status: 'benign', mediaType: 'x-weird/type', decoded: { encoding: 'gzip', size: 10, sha256: 'c'.repeat(64), md5: 'd'.repeat(32), mediaType: 'text/plain', capped: false } }),
    ];
    expectValid(stixBundle(findings, options));
    expectValid(stixBundle(findings, { ...options, payloads: new Map([[findings[0]!.id, pngBytes('stix')]]) }));
    expectValid(stixBundle(findings, { ...options, contentKept: (id) => id !== findings[1]!.id }));
  });

  it('are held to the schemas for real: a broken indicator or an artifact without bytes or address fails', () => {
    const { objects } = stixBundle([f()], options);
    const indicator = objects.find((o) => o.type === 'indicator')!;
    const { pattern: _drop, ...noPattern } = indicator;
    expect(schemas.of('sdos/indicator.json')(noPattern)).toBe(false);
    expect(schemas.of('sdos/indicator.json')({ ...indicator, id: 'indicator--not-a-uuid' })).toBe(false);
    const { url: _url, ...bare } = objects.find((o) => o.type === 'artifact')!;
    expect(schemas.of('observables/artifact.json')(bare)).toBe(false);
    expect(schemas.bundle({ type: 'bundle', id: 'bundle--0', objects })).toBe(false);
  });

  it('makes a file, an artifact, an observation, an indicator and its relationship per finding, with the location extension', () => {
    const finding = f();
    const { objects } = stixBundle([finding], options);
    const byType = (t: string) => objects.filter((o) => o.type === t);
    expect(objects.map((o) => o.type)).toEqual(['identity', 'extension-definition', 'identity', 'file', 'artifact', 'observed-data', 'indicator', 'relationship']);
    const [file] = byType('file');
    expect(file).toMatchObject({ hashes: { 'SHA-256': finding.sha256, MD5: finding.md5 }, size: finding.size, mime_type: 'image/png' });
    // The deterministic SCO id of the specification: UUIDv5 over the one preferred hash (MD5).
    expect(file!.id).toBe(scoId('file', { hashes: { MD5: finding.md5 } }));
    const [artifact] = byType('artifact');
    expect(artifact).toMatchObject({ url: options.contentUrl(finding.id), hashes: { 'SHA-256': finding.sha256 } });
    expect(artifact).not.toHaveProperty('payload_bin');
    const [indicator] = byType('indicator');
    expect(indicator).toMatchObject({
      pattern: `[file:hashes.'SHA-256' = '${finding.sha256}']`,
      pattern_type: 'stix',
      valid_from: finding.firstSeenAt,
      indicator_types: ['malicious-activity'],
      created_by_ref: memberIdentityId('FRA'),
    });
    expect(byType('relationship')[0]).toMatchObject({ relationship_type: 'based-on', source_ref: indicator!.id, target_ref: byType('observed-data')[0]!.id });
    expect(byType('observed-data')[0]).toMatchObject({ object_refs: [file!.id, artifact!.id], number_observed: 2 });

    const ext = (artifact!.extensions as Record<string, unknown>)[BITCOIN_LOCATION_EXTENSION];
    expect(ext).toEqual({
      extension_type: 'property-extension',
      method: 'ordinals',
      locations: finding.locations.map((l) => ({ txid: l.txid, height: l.height, block_hash: l.blockHash, place: l.place })),
    });
    // The extension's own definition carries the schema its properties follow.
    const definition = objects.find((o) => o.id === BITCOIN_LOCATION_EXTENSION)!;
    const validateExtension = new Ajv2020({ strict: false }).compile(JSON.parse(definition.schema as string) as object);
    expect(validateExtension(ext), JSON.stringify(validateExtension.errors)).toBe(true);
    expect(JSON.parse(definition.schema as string)).toEqual(BITCOIN_LOCATION_SCHEMA);
  });

  it('is deterministic, and an unconfirmed finding is an unknown indicator', () => {
    expect(JSON.stringify(stixBundle([f()], options))).toBe(JSON.stringify(stixBundle([f()], options)));
    const other = stixBundle([f({ status: 'new' })], options);
    expect(other.objects.find((o) => o.type === 'indicator')).toMatchObject({ indicator_types: ['unknown'] });
    // The same bytes of two members are the same file, but each member's own indicator.
    const two = stixBundle([f(), f({ owner: 'DEU' })], options).objects;
    expect(new Set(two.filter((o) => o.type === 'file').map((o) => o.id)).size).toBe(1);
    expect(new Set(two.filter((o) => o.type === 'indicator').map((o) => o.id)).size).toBe(2);
  });

  it('puts the bytes inside the artifact only when asked, and leaves out an artifact whose bytes were not kept', () => {
    const bytes = pngBytes('stix');
    const withBytes = stixBundle([f()], { ...options, payloads: new Map([[f().id, bytes]]) });
    expect(withBytes.objects.find((o) => o.type === 'artifact')).toMatchObject({ payload_bin: bytes.toString('base64') });
    expect(withBytes.objects.find((o) => o.type === 'artifact')).not.toHaveProperty('url');
    const unkept = stixBundle([f()], { ...options, contentKept: () => false });
    expect(unkept.objects.some((o) => o.type === 'artifact')).toBe(false);
    expect(unkept.objects.find((o) => o.type === 'observed-data')).toHaveProperty(['extensions', BITCOIN_LOCATION_EXTENSION]);
  });
});

describe.each(ENGINES)('STIX export over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'analyst'], ['DEU', 'analyst'], ['ITA', 'analyst']]);
    const text = textFinding('see http://example.test/x');
    const ids = (await recordFindings(h.t.deps, as('FRA', 'analyst'), [{ finding: scanned(pngBytes('exported'), { mediaType: 'image/png', method: 'ordinals' }), content: pngBytes('exported') }, text])).ids;
    await h.app.inject({ method: 'PATCH', url: `/api/v1/chain/findings/${ids[0]}`, headers: bearer(h.key('FRA', 'analyst')), payload: { status: 'known-bad', visibility: { mode: 'only', members: ['DEU'] } } });
  });
  afterAll(async () => h.close());

  const exportAs = (member: string, query: string) => h.app.inject({ method: 'GET', url: `/api/v1/chain/findings/export${query}`, headers: bearer(h.key(member, 'analyst')) });

  it('exports a valid bundle of what the member may see, the bytes inside only when asked', async () => {
    const own = await exportAs('FRA', '?format=stix');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers['content-type']).toContain('application/stix+json');
    expectValid(own.json());
    expect((own.json() as { objects: StixObject[] }).objects.filter((o) => o.type === 'indicator')).toHaveLength(2);

    const shared = (await exportAs('DEU', '?format=stix&withContent=true')).json() as { objects: StixObject[] };
    expectValid(shared);
    expect(shared.objects.filter((o) => o.type === 'indicator')).toHaveLength(1);
    expect(shared.objects.find((o) => o.type === 'artifact')).toMatchObject({ payload_bin: pngBytes('exported').toString('base64') });

    const none = await exportAs('ITA', '?format=stix');
    expect(none.statusCode).toBe(200);
    expect((none.json() as { objects: StixObject[] }).objects.some((o) => o.type === 'indicator')).toBe(false);
  });

  it('exports JSON lines with the list’s filters', async () => {
    const res = await exportAs('FRA', '?format=jsonl&mediaType=text/');
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { mediaType: string });
    expect(lines.map((l) => l.mediaType)).toEqual(['text/plain']);
    expect((await exportAs('FRA', '?format=jsonl&withContent=true')).statusCode).toBe(422);
  });
});
