import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, screenQuerySchema, type Alert, type AlertStatus, type ScreenQueryInput, type Visibility } from '@crosscheck/core';
import { ScreeningIndex } from './screening-index.js';
import { search } from './search.js';

const NOW = '2026-12-06T00:00:00Z';
const reader = (member: string) => ({ member, role: 'bureau' as const, credential: 'test' });
const found = (index: ScreeningIndex, query: ScreenQueryInput, member = 'DEU') => search(index, screenQuerySchema.parse(query), { reader: reader(member), today: NOW.slice(0, 10) });

function asset(id: string, body: object, extra: { status?: AlertStatus; visibility?: Visibility; owner?: string } = {}): Alert {
  return { kind: 'asset', category: 'asset-tracing', asset: body, visibility: extra.visibility ?? { mode: 'all' }, id, owner: extra.owner ?? 'FRA', status: extra.status ?? 'active', version: 1, createdAt: NOW, updatedAt: NOW } as Alert;
}

// Valid IBANs (the SWIFT registry's examples) and IMO numbers.
const IBANS = ['DE89370400440532013000', 'GB82WEST12345698765432', 'FR7630006000011234567890189', 'NL91ABNA0417164300'] as const;
const IMOS = ['9074729', '9176187', '8814275'] as const;

describe('the asset index', () => {
  it('follows upserts: a changed identifier is found under its new form only, a cancelled alert no more', () => {
    const index = new ScreeningIndex();
    index.upsert(asset('a1', { type: 'bank-account', iban: 'DE89 3704 0044 0532 0130 00' }));
    expect(found(index, { assets: [{ iban: 'de89370400440532013000' }] }).map((h) => h.alertId)).toEqual(['a1']);
    index.upsert(asset('a1', { type: 'bank-account', iban: 'GB82 WEST 1234 5698 7654 32' }));
    expect(found(index, { assets: [{ iban: 'DE89370400440532013000' }] })).toEqual([]);
    expect(found(index, { assets: [{ iban: 'GB82WEST12345698765432' }] }).map((h) => h.alertId)).toEqual(['a1']);
    index.upsert(asset('a1', { type: 'bank-account', iban: 'GB82WEST12345698765432' }, { status: 'cancelled' }));
    expect(found(index, { assets: [{ iban: 'GB82WEST12345698765432' }] })).toEqual([]);
    expect(index.assets.size).toBe(0);
  });

  it('finds vehicle assets by the vehicle probe, and wallet assets by walletAddress as well as by assets', () => {
    const index = new ScreeningIndex();
    index.upsert(asset('v1', { type: 'vehicle', vin: 'WVWZZZ1JZXW000001', plate: 'AB-123-CD', plateCountry: 'FRA' }));
    index.upsert(asset('w1', { type: 'wallet', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }));
    expect(found(index, { vehicle: { plate: 'ab123cd', plateCountry: 'FR' } }).map((h) => [h.alertId, h.matchedBy])).toEqual([['v1', ['vehicle']]]);
    expect(found(index, { walletAddress: 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4' }).map((h) => [h.alertId, h.matchedBy])).toEqual([['w1', ['wallet']]]);
    expect(found(index, { assets: [{ wallet: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }] }).map((h) => [h.alertId, h.matchedBy])).toEqual([['w1', ['asset']]]);
  });

  it('scores companies with the core rule and hides what the viewer may not see before scoring', () => {
    const index = new ScreeningIndex();
    index.upsert(asset('c1', { type: 'company', name: 'Romashka LLC' }));
    index.upsert(asset('c2', { type: 'company', name: 'ООО Ромашка' }, { visibility: { mode: 'only', members: ['ITA'] } }));
    for (let i = 0; i < 50; i++) index.upsert(asset(`x${i}`, { type: 'company', name: `Company${i} LLC` }));
    expect(found(index, { assets: [{ company: { name: 'Ромашка ООО' } }] }).map((h) => h.alertId)).toEqual(['c1']);
    expect(found(index, { assets: [{ company: { name: 'Ромашка ООО' } }] }, 'ITA').map((h) => h.alertId).sort()).toEqual(['c1', 'c2']);
    // The owner always sees its own.
    expect(found(index, { assets: [{ company: { name: 'Romashka' } }] }, 'FRA').map((h) => h.alertId).sort()).toEqual(['c1', 'c2']);
    expect(found(index, { assets: [{ company: { name: 'Vasilek LLC' } }] })).toEqual([]);
    // Below the threshold only when asked for.
    const low = found(index, { assets: [{ company: { name: 'Romashka Trading Holding GmbH' } }], minScore: 0.3 });
    expect(low.find((h) => h.alertId === 'c1')!.score).toBeLessThan(1);
  });

  it('finds a bank account by its holder and an aircraft by its operator when a company is screened, saying so', () => {
    const index = new ScreeningIndex();
    index.upsert(asset('b1', { type: 'bank-account', iban: 'DE89370400440532013000', holder: 'Romashka LLC' }));
    index.upsert(asset('p1', { type: 'aircraft', registration: 'F-GKXA', operator: 'Romashka Avia' }));
    index.upsert(asset('c1', { type: 'company', name: 'Romashka LLC' }));
    const hits = found(index, { assets: [{ company: { name: 'ООО Ромашка' } }] });
    // Romashka Avia too: a record's further word costs less than a query's (as for persons).
    expect(hits.map((h) => h.alertId).sort()).toEqual(['b1', 'c1', 'p1']);
    expect(hits.find((h) => h.alertId === 'b1')!.reasons[0]).toEqual({ code: 'asset.party', role: 'holder' });
    expect(hits.find((h) => h.alertId === 'c1')!.reasons.map((r) => r.code)).not.toContain('asset.party');
    expect(found(index, { assets: [{ company: { name: 'Romashka Avia' } }] }).find((h) => h.alertId === 'p1')!.reasons[0]).toEqual({ code: 'asset.party', role: 'operator' });
    index.upsert(asset('b1', { type: 'bank-account', iban: 'DE89370400440532013000' }));
    expect(found(index, { assets: [{ company: { name: 'ООО Ромашка' } }] }).map((h) => h.alertId).sort()).toEqual(['c1', 'p1']);
  });

  it('holds, after any sequence of changes, exactly the active identifiers each viewer may see', () => {
    const change = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      kind: fc.constantFrom('iban', 'imo'),
      which: fc.nat(3),
      status: fc.constantFrom<AlertStatus>('active', 'active', 'cancelled'),
      only: fc.constantFrom<string[] | null>(null, ['FRA'], ['DEU', 'ITA']),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const index = new ScreeningIndex();
        const truth = new Map<string, { key: string; status: AlertStatus; only: string[] | null }>();
        for (const c of changes) {
          const key = c.kind === 'iban' ? `iban:${IBANS[c.which % IBANS.length]}` : `imo:${IMOS[c.which % IMOS.length]}`;
          const body = c.kind === 'iban' ? { type: 'bank-account', iban: IBANS[c.which % IBANS.length] } : { type: 'vessel', imo: `IMO ${IMOS[c.which % IMOS.length]}` };
          index.upsert(asset(c.id, body, { status: c.status, visibility: c.only ? { mode: 'only', members: c.only } : { mode: 'all' } }));
          truth.set(c.id, { key, status: c.status, only: c.only });
        }
        for (const viewer of ['DEU', 'ITA', 'FRA']) {
          for (const key of [...IBANS.map((i) => `iban:${i}`), ...IMOS.map((i) => `imo:${i}`)]) {
            const [kind, value] = key.split(':') as ['iban' | 'imo', string];
            const got = found(index, { assets: [{ [kind]: value }], limit: 100 }, viewer).map((h) => h.alertId).sort();
            const want = [...truth].filter(([, t]) => t.key === key && t.status === 'active' && (viewer === 'FRA' || t.only === null || t.only.includes(viewer))).map(([id]) => id).sort();
            expect(got, `${viewer} ${key}`).toEqual(want);
          }
        }
        for (const h of found(index, { assets: IBANS.map((iban) => ({ iban })), limit: 100 })) expect(h.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      }),
      { numRuns: 150 },
    );
  });
});
