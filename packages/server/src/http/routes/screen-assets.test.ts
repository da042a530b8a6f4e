import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FullScreenResult, ScreenResult } from '@crosscheck/core/api';
import { screenBatchResponseSchema, screenResponseSchema } from '@crosscheck/core/api/schemas';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

// A valid German IBAN, a vessel's IMO number, BIP 173's P2WPKH address.
const IBAN = 'DE89370400440532013000';
const IMO = '9074729';
const WALLET = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';

function full(h: ScreenResult | undefined): FullScreenResult {
  if (h?.access !== 'full') throw new Error(`expected a full result, got ${JSON.stringify(h)}`);
  return h;
}

describe.each(ENGINES)('POST /api/v1/screen with assets, on %s', (engine) => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'frontline'], ['DEU', 'bureau'], ['ITA', 'frontline']]);
    const assets = {
      account: { type: 'bank-account', iban: 'DE89 3704 0044 0532 0130 00', holder: 'Romashka LLC' },
      vessel: { type: 'vessel', imo: 'IMO 9074729', name: 'SEA ROSE', flag: 'PAN' },
      wallet: { type: 'wallet', currency: 'BTC', address: WALLET },
      company: { type: 'company', name: 'Romashka LLC', otherNames: ['Camomile Trading'], registrationNumber: '1027700132195', country: 'RUS' },
      aircraft: { type: 'aircraft', registration: 'F-GKXA' },
      parcel: { type: 'real-estate', country: 'FRA', address: '1 rue de Rivoli, Paris', cadastralReference: '75101 000 AB 0012' },
      lookalike: { type: 'company', name: 'Vasilek LLC', country: 'RUS' },
    };
    for (const [name, asset] of Object.entries(assets)) ids[name] = await publish(asset);
    // Seen by FRA alone: DEU must never find it, whatever it screens.
    ids.hidden = await publish({ type: 'bank-account', iban: 'GB82 WEST 1234 5698 7654 32' }, { mode: 'only', members: ['FRA', 'ITA'] });
  }, 60_000);
  afterAll(async () => h?.close());

  async function publish(asset: object, visibility: object = { mode: 'all' }): Promise<string> {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'asset', category: 'asset-tracing', asset, visibility } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  const screen = async (payload: object, key = h.key('DEU', 'frontline')) => h.app.inject({ method: 'POST', url: '/api/v1/screen', headers: bearer(key), payload });
  const found = async (payload: object, key?: string) => {
    const res = await screen(payload, key);
    expect(res.statusCode, res.body).toBe(200);
    return screenResponseSchema.parse(res.json());
  };

  it('finds an IBAN typed in lower case with spaces, exactly, with its reason', async () => {
    const body = await found({ assets: [{ iban: 'de89 3704 0044 0532 0130 00' }] });
    expect(body.hits).toHaveLength(1);
    expect(full(body.hits[0])).toMatchObject({ alertId: ids.account, kind: 'asset', category: 'asset-tracing', owner: 'FRA', score: 1, matchedBy: ['asset'] });
    expect(full(body.hits[0]).reasons).toEqual([{ code: 'asset.iban', iban: 'DE89 3704 0044 0532 0130 00' }]);
    expect(body.hits[0]!.hitId).not.toBeNull();
    const events = await h.t.deps.db.selectFrom('events').select('data').where('member', '=', 'FRA').where('type', '=', 'hit.created').execute();
    expect(events.some((e) => String(e.data).includes(ids.account!))).toBe(true);
  });

  it('finds an IMO number with or without its prefix, an aircraft without its hyphen, a parcel by reference and country', async () => {
    for (const imo of [IMO, 'IMO 9074729', 'imo9074729']) expect((await found({ assets: [{ imo }] })).hits.map((x) => x.alertId)).toEqual([ids.vessel]);
    expect(full((await found({ assets: [{ imo: IMO }] })).hits[0]).reasons).toEqual([{ code: 'asset.imo', imo: IMO }]);
    expect((await found({ assets: [{ aircraft: 'fgkxa' }] })).hits.map((x) => x.alertId)).toEqual([ids.aircraft]);
    expect((await found({ assets: [{ cadastralReference: '75101000ab0012', country: 'fr' }] })).hits.map((x) => x.alertId)).toEqual([ids.parcel]);
    expect((await found({ assets: [{ cadastralReference: '75101000AB0012', country: 'BEL' }] })).hits).toEqual([]);
  });

  it('finds a wallet address: the wallet asset, and the person alerts naming it as walletAddress does', async () => {
    const person = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'person', category: 'missing', person: { names: [{ family: 'NAKAMOTO', given: 'SATOSHI' }], walletAddresses: [{ address: WALLET }] }, visibility: { mode: 'all' } } });
    expect(person.statusCode, person.body).toBe(201);
    const body = await found({ assets: [{ wallet: WALLET.toUpperCase() }] });
    expect(body.hits.map((x) => x.alertId).sort()).toEqual([ids.wallet, (person.json() as { id: string }).id].sort());
    expect(full(body.hits.find((x) => x.alertId === ids.wallet)).reasons).toEqual([{ code: 'wallet.exact', currency: 'BTC', address: WALLET }]);
    // The object form names the currency, held to the address's own.
    expect((await found({ assets: [{ wallet: { currency: 'BTC', address: WALLET } }] })).hits.map((x) => x.alertId)).toContain(ids.wallet);
    expect((await screen({ assets: [{ wallet: { currency: 'ETH', address: WALLET } }] })).statusCode).toBe(422);
  });

  it('finds a company named in Cyrillic with its legal form, and not an unrelated company of the same form', async () => {
    const body = await found({ assets: [{ company: { name: 'ООО «Ромашка»' } }] });
    // The company, and the bank account it holds.
    expect(body.hits.map((x) => x.alertId).sort()).toEqual([ids.company, ids.account].sort());
    expect(full(body.hits.find((x) => x.alertId === ids.account)).reasons[0]).toEqual({ code: 'asset.party', role: 'holder' });
    const hit = full(body.hits.find((x) => x.alertId === ids.company));
    expect(hit.score).toBeGreaterThanOrEqual(0.9);
    expect(hit.reasons).toEqual(
      expect.arrayContaining([
        { code: 'name.script', side: 'query', script: 'Cyrl', reading: 'ROMASHKA' },
        { code: 'name.same', field: 'name', query: 'ROMASHKA', record: 'ROMASHKA' },
        { code: 'company.legal-form-same', query: 'ООО', record: 'LLC' },
      ]),
    );
    // Another name of the record, and a renamed company found by its registration number.
    expect((await found({ assets: [{ company: { name: 'Camomile Trading Ltd' } }] })).hits.map((x) => x.alertId)).toEqual([ids.company]);
    const renamed = await found({ assets: [{ company: { name: 'Lyutik OOO', registrationNumber: '1027700132195', country: 'RU' } }] });
    expect(renamed.hits.map((x) => x.alertId)).toEqual([ids.company]);
    expect(full(renamed.hits[0]).reasons).toContainEqual({ code: 'company.registration-number', number: '1027700132195', country: 'RUS' });
    expect((await found({ assets: [{ company: { name: 'ООО Подсолнух' } }] })).hits).toEqual([]);
  });

  it('refuses an IBAN with a wrong check digit, naming the field, instead of finding nothing', async () => {
    const res = await screen({ assets: [{ imo: IMO }, { iban: 'DE88 3704 0044 0532 0130 00' }] });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json() as { errors: unknown[] }).errors).toEqual([{ field: 'assets.1.iban', message: expect.stringContaining('MOD 97'), code: 'asset.iban-checksum' }]);
    const imo = await screen({ assets: [{ imo: '9074728' }] });
    expect((imo.json() as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'assets.0.imo', code: 'asset.imo-checksum' })]);
    const two = await screen({ assets: [{ iban: IBAN, imo: IMO }] });
    expect(two.statusCode).toBe(422);
    expect((two.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('assets.0');
    const many = await screen({ assets: Array.from({ length: 51 }, () => ({ imo: IMO })) });
    expect(many.statusCode).toBe(422);
  });

  it('screens 50 long company names within the time of one request', async () => {
    const words = ['Romashka', 'Vasilek', 'Lyutik', 'Podsolnukh', 'Trading', 'Holding', 'International', 'Severnaya', 'Zvezda', 'Neft', 'Gaz', 'Prom'];
    const assets = Array.from({ length: 50 }, (_, i) => ({ company: { name: `${Array.from({ length: 30 }, (_, k) => words[(i + k) % words.length]).join(' ')} ООО`, registrationNumber: String(1000 + i) } }));
    const started = Date.now();
    const res = await screen({ assets });
    expect(res.statusCode, res.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('never finds an asset alert hidden from the caller’s member, which its own members find', async () => {
    expect((await found({ assets: [{ iban: 'GB82WEST12345698765432' }] })).hits).toEqual([]);
    expect((await found({ assets: [{ iban: 'GB82WEST12345698765432' }] }, h.key('ITA', 'frontline'))).hits.map((x) => x.alertId)).toEqual([ids.hidden]);
  });

  it('gives the frontline only the instruction of a discreet check on an asset, and nothing of one hidden from it, while recording both', async () => {
    const discreet = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'asset', category: 'discreet-check', asset: { type: 'aircraft', registration: 'D-EABC' }, visibility: { mode: 'all' } } });
    expect(discreet.statusCode, discreet.body).toBe(201);
    const hidden = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key('FRA')), payload: { kind: 'asset', category: 'asset-tracing', asset: { type: 'aircraft', registration: 'D-EXYZ' }, visibility: { mode: 'all' }, hiddenFromFrontline: true } });
    expect(hidden.statusCode, hidden.body).toBe(201);
    const front = await found({ assets: [{ aircraft: 'DEABC' }, { aircraft: 'D-EXYZ' }] });
    expect(front.hits).toEqual([expect.objectContaining({ access: 'instruction-only', alertId: (discreet.json() as { id: string }).id, kind: 'asset' })]);
    expect(JSON.stringify(front.hits[0])).not.toContain('reasons');
    const bureau = await found({ assets: [{ aircraft: 'D-EXYZ' }] }, h.key('DEU', 'bureau'));
    expect(bureau.hits.map((x) => x.alertId)).toEqual([(hidden.json() as { id: string }).id]);
    const recorded = await h.t.deps.db.selectFrom('hits').select('alert_id').where('screening_id', '=', front.screeningId).execute();
    expect(recorded).toHaveLength(2);
  });

  it('sees an asset alert published or cancelled through the feed at the next screening', async () => {
    const iban = 'FR76 3000 6000 0112 3456 7890 189';
    expect((await found({ assets: [{ iban }] })).hits).toEqual([]);
    const id = await publish({ type: 'bank-account', iban });
    expect((await found({ assets: [{ iban }] })).hits.map((x) => x.alertId)).toEqual([id]);
    const cancel = await h.app.inject({ method: 'POST', url: `/api/v1/alerts/${id}/cancel`, headers: bearer(h.key('FRA')), payload: { reason: 'account closed' } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await found({ assets: [{ iban }] })).hits).toEqual([]);
  });

  it('screens assets in a batch, each traveller with its own', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: bearer(h.key('DEU', 'frontline')), payload: [{ id: 'a', assets: [{ iban: IBAN }, { company: { name: 'Romashka' } }] }, { id: 'b', assets: [{ iban: 'DE88370400440532013000' }] }, { id: 'c', person: { names: ['Nobody Known'] } }] });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = screenBatchResponseSchema.parse(res.json());
    expect(items[0]).toMatchObject({ id: 'a', hits: [expect.objectContaining({ matchedBy: ['asset'] }), expect.objectContaining({ matchedBy: ['asset'] })] });
    expect(items[0] && 'hits' in items[0] ? items[0].hits.map((x) => x.alertId).sort() : []).toEqual([ids.account, ids.company].sort());
    expect(items[1]).toMatchObject({ id: 'b', error: { errors: [expect.objectContaining({ field: 'assets.0.iban', code: 'asset.iban-checksum' })] } });
    expect(items[2]).toMatchObject({ id: 'c', hits: [] });
    // CSV has a column for each kind of asset.
    const csv = 'id,iban,imo,companyName,companyCountry\nx,de89 3704 0044 0532 0130 00,,,\ny,,IMO 9074729,Ромашка,RU\n';
    const fromCsv = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: { ...bearer(h.key('DEU', 'frontline')), 'content-type': 'text/csv' }, payload: csv });
    expect(fromCsv.statusCode, fromCsv.body).toBe(200);
    const rows = screenBatchResponseSchema.parse(fromCsv.json()).items.map((i) => ('hits' in i ? i.hits.map((x) => x.alertId).sort() : i));
    expect(rows).toEqual([[ids.account], [ids.account, ids.company, ids.vessel].sort()]);
  });
});
