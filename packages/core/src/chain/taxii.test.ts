import { describe, expect, it } from 'vitest';
import { acceptsTaxii, decodeNext, encodeNext, positionBefore, taxiiCollectionId } from './taxii.js';
import { FINDING_STIX_TYPES, findingStixObjects, STIX_ID, stixCommonObjects, type StixFinding } from './stix.js';

describe('TAXII media type negotiation', () => {
  it('takes TAXII 2.1, TAXII without a version, wildcards and no header', () => {
    for (const accept of [undefined, '', 'application/taxii+json;version=2.1', 'application/taxii+json; version="2.1"', 'application/taxii+json', 'APPLICATION/TAXII+JSON;VERSION=2.1', '*/*', 'application/*', 'text/html, application/taxii+json;version=2.1;q=0.5']) {
      expect(acceptsTaxii(accept), String(accept)).toBe(true);
    }
  });

  it('refuses other types, other versions and types weighed at zero', () => {
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'application/stix+json;version=2.1', 'text/*', 'application/taxii+json;q=0', 'application/taxii+json;version=2.1;q=0.0', ';;;', 'application/taxii+json;version']) {
      expect(acceptsTaxii(accept), accept).toBe(false);
    }
  });
});

describe('collection ids and page positions', () => {
  it('gives each member one stable collection id', () => {
    expect(taxiiCollectionId('FRA')).toBe(taxiiCollectionId('FRA'));
    expect(taxiiCollectionId('FRA')).not.toBe(taxiiCollectionId('DEU'));
    expect(taxiiCollectionId('FRA')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads back the next it wrote, and nothing else', () => {
    const p = { at: '2026-12-06T10:00:00.123Z', finding: '019a0000-0000-7000-8000-000000000001', index: 3 };
    expect(decodeNext(encodeNext(p))).toEqual(p);
    expect(decodeNext(encodeNext({ ...p, finding: '' }))).toEqual({ ...p, finding: '' });
    for (const bad of ['', 'forged', `${p.at}~${p.finding}`, `x${encodeNext(p)}`, `${p.at}~'; drop table~1`, `${p.at}~${p.finding}~9999999`]) expect(decodeNext(bad), bad).toBeUndefined();
  });

  it('orders positions by time, finding (the shared objects first), then place', () => {
    const at = '2026-12-06T10:00:00.000Z';
    expect(positionBefore({ at, finding: '', index: 2 }, { at, finding: 'a', index: 0 })).toBe(true);
    expect(positionBefore({ at, finding: 'a', index: 1 }, { at, finding: 'a', index: 2 })).toBe(true);
    expect(positionBefore({ at: '2026-12-06T10:00:00.001Z', finding: '', index: 0 }, { at, finding: 'z', index: 9 })).toBe(false);
  });
});

describe('STIX ids and types of a finding', () => {
  const finding: StixFinding = {
    id: '019a0000-0000-7000-8000-000000000001',
    owner: 'FRA',
    method: 'op-return',
    size: 3,
    sha256: 'a'.repeat(64),
    md5: 'b'.repeat(32),
    mediaType: 'text/plain',
    decoded: null,
    locations: [{ txid: 'c'.repeat(64), height: 1, blockHash: 'd'.repeat(64), place: { kind: 'output', index: 0 } }],
    status: 'known-bad',
    firstSeenAt: '2026-12-06T10:00:00.000Z',
    matches: [],
    changedAt: '2026-12-06T10:00:00.000Z',
  };

  it('every id written has the one STIX id form the TAXII filters read, and a finding gives only the types it says', () => {
    const objects = [...stixCommonObjects(['FRA']), ...findingStixObjects(finding, { contentUrl: (id) => `https://x.test/${id}` })];
    for (const o of objects) expect(STIX_ID.test(o.id), o.id).toBe(true);
    expect(STIX_ID.test('indicator--not-a-uuid')).toBe(false);
    expect(new Set(findingStixObjects(finding, { contentUrl: () => 'https://x.test/' }).map((o) => o.type))).toEqual(new Set(FINDING_STIX_TYPES));
  });
});
