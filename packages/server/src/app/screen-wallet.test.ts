import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FullScreenResult, ScreenResult } from '@crosscheck/core/api';
import { screenResponseSchema } from '@crosscheck/core/api/schemas';
import { DISCREET_ACTION } from '@crosscheck/core';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../test/engines.js';
import { cancelAlert } from './cancel-alert.js';
import { createAlert } from './create-alert.js';
import { updateAlert } from './update-alert.js';
import { screen } from './screen.js';

// BIP 173's P2WPKH address, the Bitcoin genesis coinbase address, an EIP-55 address.
const BECH32 = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const BASE58 = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

const frontline = (member: string) => as(member, 'frontline');
const wanted = (walletAddresses: unknown[], extra: object = {}) => ({
  kind: 'person',
  category: 'missing',
  person: { names: [{ family: 'NAKAMOTO', given: 'SATOSHI' }], walletAddresses },
  visibility: { mode: 'all' },
  ...extra,
});
function full(h: ScreenResult | undefined): FullScreenResult {
  if (h?.access !== 'full') throw new Error(`expected a full result, got ${JSON.stringify(h)}`);
  return h;
}

describe.each(ENGINES)('screening by wallet address on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('finds a bech32 address screened in upper case, records the hit and tells the owner', async () => {
    const alert = await createAlert(t.deps, as('FRA'), wanted([{ address: BECH32, currency: 'BTC' }]));
    const r = await screen(t.deps, frontline('DEU'), { walletAddress: BECH32.toUpperCase() });
    expect(screenResponseSchema.parse(r)).toEqual(r);
    expect(r.hits).toHaveLength(1);
    expect(full(r.hits[0])).toMatchObject({ alertId: alert.id, kind: 'person', owner: 'FRA', score: 0.95, matchedBy: ['wallet'] });
    expect(full(r.hits[0]).reasons).toEqual([{ code: 'wallet.exact', currency: 'BTC', address: BECH32 }]);
    const stored = await t.deps.db.selectFrom('hits').select(['id', 'alert_id', 'owner']).where('screening_id', '=', r.screeningId).execute();
    expect(stored).toEqual([{ id: r.hits[0]!.hitId, alert_id: alert.id, owner: 'FRA' }]);
    const events = await t.deps.db.selectFrom('events').select('type').where('member', '=', 'FRA').where('type', '=', 'hit.created').execute();
    expect(events).toHaveLength(1);
  });

  it('finds a base58 address exactly, and nothing for another valid address', async () => {
    const alert = await createAlert(t.deps, as('FRA'), wanted([{ address: BASE58 }]));
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: ` ${BASE58} ` })).hits.map((h) => h.alertId)).toEqual([alert.id]);
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy' })).hits).toEqual([]);
  });

  it('finds an Ethereum address given in checksum case when screened in lower case, and names it in checksum case', async () => {
    const alert = await createAlert(t.deps, as('FRA'), wanted([{ address: ETH }]));
    const r = await screen(t.deps, frontline('DEU'), { walletAddress: ETH.toLowerCase() });
    expect(r.hits.map((h) => h.alertId)).toEqual([alert.id]);
    expect(full(r.hits[0]).reasons).toEqual([{ code: 'wallet.exact', currency: 'ETH', address: ETH }]);
    // Screened in one case, the address had no checksum to check: the answer says so.
    expect(r.warnings).toEqual([{ code: 'wallet.no-checksum', message: expect.stringContaining('no EIP-55 checksum'), address: ETH }]);
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: ETH })).warnings).toEqual([]);
  });

  it('refuses a one-character typo by its checksum, naming the field, in a screening and in an alert', async () => {
    const typo = `${BECH32.slice(0, -1)}5`;
    const e = await domainError(screen(t.deps, frontline('DEU'), { walletAddress: typo }));
    expect(e.kind).toBe('validation');
    expect(e.problems).toEqual([{ field: 'walletAddress', message: 'bech32 checksum does not match', code: 'wallet.bech32-checksum' }]);
    const ethTypo = await domainError(screen(t.deps, frontline('DEU'), { walletAddress: `${ETH.slice(0, -1)}D` }));
    expect(ethTypo.problems[0]).toMatchObject({ field: 'walletAddress', message: expect.stringContaining('EIP-55 checksum'), code: 'wallet.eth-checksum' });

    const bad = await domainError(createAlert(t.deps, as('FRA'), wanted([{ address: BASE58 }, { address: typo }])));
    expect(bad.kind).toBe('validation');
    expect(bad.problems).toEqual([{ field: 'person.walletAddresses.1.address', message: 'bech32 checksum does not match', code: 'wallet.bech32-checksum' }]);
    const wrongCurrency = await domainError(createAlert(t.deps, as('FRA'), wanted([{ address: ETH, currency: 'BTC' }])));
    expect(wrongCurrency.problems).toEqual([{ field: 'person.walletAddresses.0.currency', message: 'the address is for ETH, not BTC' }]);
  });

  it('never shows an alert hidden from the screening member, nor one hidden from the frontline to the frontline; a discreet check is its instruction only', async () => {
    await createAlert(t.deps, as('FRA'), wanted([{ address: BECH32 }], { visibility: { mode: 'all-except', members: ['ITA'] } }));
    expect((await screen(t.deps, frontline('ITA'), { walletAddress: BECH32 })).hits).toEqual([]);
    expect((await screen(t.deps, as('ITA'), { walletAddress: BECH32 })).hits).toEqual([]);

    const hidden = await createAlert(t.deps, as('FRA'), wanted([{ address: BASE58 }], { hiddenFromFrontline: true }));
    const front = await screen(t.deps, frontline('DEU'), { walletAddress: BASE58 });
    expect(front.hits).toEqual([]);
    // Recorded all the same: the owner hears of it.
    const stored = await t.deps.db.selectFrom('hits').select('alert_id').where('screening_id', '=', front.screeningId).execute();
    expect(stored.map((h) => h.alert_id)).toEqual([hidden.id]);
    expect((await screen(t.deps, as('DEU'), { walletAddress: BASE58 })).hits.map((h) => h.alertId)).toEqual([hidden.id]);

    const discreet = await createAlert(t.deps, as('FRA'), wanted([{ address: ETH }], { category: 'discreet-check' }));
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: ETH })).hits).toEqual([{ access: 'instruction-only', hitId: expect.any(String), alertId: discreet.id, kind: 'person', category: 'discreet-check', action: DISCREET_ACTION, owner: 'FRA' }]);
  });

  it('follows changes: an address removed by a patch or an alert cancelled is no longer found', async () => {
    const alert = await createAlert(t.deps, as('FRA'), wanted([{ address: BECH32 }, { address: ETH }]));
    await updateAlert(t.deps, as('FRA'), alert.id, { person: { names: [{ family: 'NAKAMOTO', given: 'SATOSHI' }], walletAddresses: [{ address: ETH }] } });
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: BECH32 })).hits).toEqual([]);
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: ETH })).hits).toHaveLength(1);
    await cancelAlert(t.deps, as('FRA'), alert.id, { reason: 'found' });
    expect((await screen(t.deps, frontline('DEU'), { walletAddress: ETH })).hits).toEqual([]);
  });
});
