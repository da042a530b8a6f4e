import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, personAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';
import { updateAlert } from '../../app/update-alert.js';
import { checkAck, checkBatch, requestDigest, type SignedBatch } from '../../app/replica/signed-batch.js';

describe.each(ENGINES)('the centre side of national copies on %s', (engine) => {
  let h: Harness;
  let pin: { publicKeyPem: string; keyId: string };
  const ids = { all: '', itaOnly: '', hidden: '' };
  beforeAll(async () => {
    h = await httpHarness(engine, [['DEU', 'replica'], ['DEU', 'bureau'], ['ITA', 'replica'], ['FRA', 'auditor'], ['FRA', 'bureau']]);
    ids.all = (await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', 'REPL0ALL1'))).id;
    ids.itaOnly = (await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', 'REPL0ITA1', { mode: 'only', members: ['ITA'] }))).id;
    ids.hidden = (await createAlert(h.t.deps, as('FRA'), { ...personAlert('VERBORGEN'), hiddenFromFrontline: true })).id;
  });
  afterAll(async () => h.close());

  const batch = async (key: string, after: number, limit = 1000, nonce?: string) => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/replica/batch?after=${after}&limit=${limit}${nonce !== undefined ? `&nonce=${nonce}` : ''}`, headers: bearer(key) });
    return { status: res.statusCode, body: res.json() as SignedBatch & { code?: string; detail?: string } };
  };

  it('gives a replica key its public key; other roles are refused', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/replica/key', headers: bearer(h.key('DEU', 'replica')) });
    expect(res.statusCode).toBe(200);
    const k = res.json() as { keyId: string; publicKey: string; algorithm: string };
    expect(k.algorithm).toBe('Ed25519');
    expect(k.publicKey).toContain('BEGIN PUBLIC KEY');
    pin = { publicKeyPem: k.publicKey, keyId: k.keyId };
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/replica/key', headers: bearer(h.key('DEU', 'bureau')) })).statusCode).toBe(403);
    expect((await batch(h.key('DEU', 'bureau'), 0)).status).toBe(403);
  });

  it('signs a batch of what the bureau sees, hidden-from-frontline alerts included, never another member’s', async () => {
    const { status, body } = await batch(h.key('DEU', 'replica'), 0);
    expect(status).toBe(200);
    expect(checkBatch(body, { ...pin, appliedTo: 0, member: 'DEU' }).problem).toBeNull();
    expect(body).toMatchObject({ member: 'DEU', from: 0, to: 3, head: 3 });
    expect(body.items.map((i) => i.alertId).sort()).toEqual([ids.all, ids.hidden].sort());
    const ita = (await batch(h.key('ITA', 'replica'), 0)).body;
    expect(ita.items.map((i) => i.alertId)).toContain(ids.itaOnly);
  });

  it('covers the whole feed in `to`, even when the member saw none of it, and pages by `limit`', async () => {
    const first = (await batch(h.key('DEU', 'replica'), 0, 1)).body;
    expect(first).toMatchObject({ from: 0, to: 1, head: 3 });
    // Change 2 is ITA's only: DEU gets an empty batch that still moves it to 2.
    const second = (await batch(h.key('DEU', 'replica'), 1, 1)).body;
    expect(second.items.length).toBeLessThanOrEqual(1);
    const syncs = async () => (await h.t.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'replica.sync').execute()).length;
    const before = await syncs();
    const empty = (await batch(h.key('DEU', 'replica'), 3)).body;
    // An up-to-date copy polls often: a poll that hands over nothing is not on the trail.
    expect(await syncs()).toBe(before);
    await batch(h.key('DEU', 'replica'), 2);
    expect(await syncs()).toBe(before + 1);
    expect(empty).toMatchObject({ from: 3, to: 3, items: [] });
    expect(checkBatch(empty, { ...pin, appliedTo: 3, member: 'DEU' }).problem).toBeNull();
  });

  it('withdraws an alert from the copy when its owner narrows the visibility', async () => {
    await updateAlert(h.t.deps, as('FRA'), ids.all, { visibility: { mode: 'all-except', members: ['DEU'] } });
    const { body } = await batch(h.key('DEU', 'replica'), 3);
    expect(body.items).toEqual([expect.objectContaining({ alertId: ids.all, action: 'withdrawn' })]);
    expect(JSON.stringify(body.items)).not.toContain('REPL0ALL1');
  });

  it('refuses a copy that claims to be ahead of the centre, and a limit above 1000, naming why', async () => {
    const ahead = await batch(h.key('DEU', 'replica'), 999);
    expect(ahead.status).toBe(409);
    expect(ahead.body.detail).toMatch(/applied up to change 999/);
    expect((await batch(h.key('DEU', 'replica'), 0, 1001)).status).toBe(422);
  });

  it('stores forwarded hits and audit entries once; a retry answers alreadyHad', async () => {
    const item = (n: number, hits: { alertId: string; score: number; reasons: string[] }[]) => ({
      id: `copy-1:${n}`,
      entry: { seq: n, at: '2026-01-02T03:04:05.000Z', member: 'DEU', role: 'frontline', credential: 'key:local', action: 'screening.run', target: `screening:s${n}`, requestId: `r${n}`, outcome: 'ok', detail: '{}', prevHash: '0'.repeat(64), hash: 'a'.repeat(64) },
      screenings: [{ at: '2026-01-02T03:04:05.000Z', query: { documents: [{ number: 'X' }] }, hits }],
    });
    const payload = { items: [item(1, [{ alertId: ids.hidden, score: 0.97, reasons: ['name'] }, { alertId: ids.itaOnly, score: 1, reasons: ['document'] }]), item(2, [])] };
    const send = () => h.app.inject({ method: 'POST', url: '/api/v1/replica/forward', headers: bearer(h.key('DEU', 'replica')), payload });
    const first = await send();
    expect(first.statusCode).toBe(200);
    // The ITA-only alert is not DEU's to hit: dropped, its owner not told.
    expect(first.json()).toMatchObject({ stored: ['copy-1:1', 'copy-1:2'], alreadyHad: [], hitsRefused: 1 });
    const again = await send();
    expect(again.json()).toMatchObject({ acknowledged: ['copy-1:1', 'copy-1:2'], stored: [], alreadyHad: ['copy-1:1', 'copy-1:2'] });
    const hits = await h.t.deps.db.selectFrom('hits').select(['alert_id', 'screening_member']).execute();
    expect(hits).toEqual([{ alert_id: ids.hidden, screening_member: 'DEU' }]);
    const events = await h.t.deps.db.selectFrom('events').select(['member', 'type']).where('type', '=', 'hit.created').execute();
    expect(events).toEqual([{ member: 'FRA', type: 'hit.created' }]);
    const entries = await h.t.deps.db.selectFrom('audit_log').select(['action', 'role', 'at', 'detail']).where('role', '=', 'replica').where('action', '=', 'replica.forward-entry').execute();
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ claimedAt: '2026-01-02T03:04:05.000Z', replica: { seq: 1, hash: 'a'.repeat(64), credential: 'key:local', action: 'screening.run', target: 'screening:s1', outcome: 'ok' } });
  });

  it('stores forwarded reasons as codes, or as the sentences an older copy recorded, and refuses an unknown code', async () => {
    const reasons = [{ code: 'document.held', number: 'X', state: 'FRA' }, 'document FRA X: same number and issuing state'];
    const item = (id: string, r: unknown[]) => ({ id, entry: { ...entry(1), target: `screening:${id}`, hash: 'e'.repeat(64) }, screenings: [{ at: '2026-01-02T03:04:05.000Z', query: {}, hits: [{ alertId: ids.hidden, score: 0.95, reasons: r }] }] });
    const sent = await forward({ items: [item('copy-reasons:1', reasons)] });
    expect(sent.statusCode, sent.body).toBe(200);
    const stored = await h.t.deps.db.selectFrom('hits').select('reasons').where('reasons_claimed_by', '=', 'replica:copy-reasons').execute();
    expect(stored.map((r) => JSON.parse(r.reasons) as unknown)).toContainEqual(reasons);
    const unknown = await forward({ items: [item('copy-reasons:2', [{ code: 'name.invented', query: 'X' }])] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('items.0.screenings.0.hits.0.reasons.0');
  });

  it('refuses a malformed forward naming the field, and more than 500 items', async () => {
    const send = (payload: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/replica/forward', headers: bearer(h.key('DEU', 'replica')), payload: payload as object });
    const bad = await send({ items: [{ id: 'no-seq', entry: {} }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('items.0.id');
    const many = await send({ items: Array.from({ length: 501 }, () => ({})) });
    expect(many.statusCode).toBe(422);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/replica/forward', headers: bearer(h.key('DEU', 'bureau')), payload: { items: [] } })).statusCode).toBe(403);
  });
  const forward = (payload: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/replica/forward', headers: bearer(h.key('DEU', 'replica')), payload: payload as object });
  const entry = (n: number, over: Record<string, unknown> = {}) => ({
    seq: n, at: '2026-01-02T03:04:05.000Z', member: 'DEU', role: 'frontline', credential: 'key:local', action: 'screening.run', target: `screening:t${n}`, requestId: `t${n}`, outcome: 'ok', detail: '{}', prevHash: '0'.repeat(64), hash: 'c'.repeat(64), ...over,
  });

  it('signs its batch with the nonce the copy sent and the time, so an old batch cannot be replayed as a new one', async () => {
    const nonce = 'fresh-nonce-0123456789';
    const { body } = await batch(h.key('DEU', 'replica'), 0, 1000, nonce);
    expect(body.nonce).toBe(nonce);
    expect(Math.abs(Date.now() - Date.parse(body.issuedAt))).toBeLessThan(60_000);
    expect(checkBatch(body, { ...pin, appliedTo: 0, member: 'DEU', nonce, now: Date.now() }).problem).toBeNull();
    // The same signed batch, given again for the copy's next pull, is refused.
    expect(checkBatch(body, { ...pin, appliedTo: 0, member: 'DEU', nonce: 'next-nonce-0123456789', now: Date.now() }).problem?.code).toBe('batch.replayed');
  });

  it('signs its acknowledgement of a forward: the ids, and the digest of that very request', async () => {
    const payload = { items: [{ id: 'copy-ack:1', entry: entry(1) }], nonce: 'forward-nonce-0123456789' };
    const res = await forward(payload);
    expect(res.statusCode, res.body).toBe(200);
    const ack = res.json() as Record<string, unknown>;
    expect(checkAck(ack, { publicKeyPem: pin.publicKeyPem, request: requestDigest(payload), ids: ['copy-ack:1'], now: Date.now() })).toBeNull();
    expect(checkAck({ ...ack, acknowledged: ['copy-ack:1', 'copy-ack:2'] }, { publicKeyPem: pin.publicKeyPem, request: requestDigest(payload), ids: ['copy-ack:1', 'copy-ack:2'], now: Date.now() })).toMatch(/signature does not verify/);
    expect(checkAck(ack, { publicKeyPem: pin.publicKeyPem, request: requestDigest({ ...payload, nonce: 'another-nonce-0123456789' }), ids: ['copy-ack:1'], now: Date.now() })).toMatch(/another request/);
  });

  it('refuses an item id it already stored for another entry (a copy restored from its own backup)', async () => {
    const again = await forward({ items: [{ id: 'copy-ack:1', entry: entry(1, { hash: 'd'.repeat(64) }) }] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'replica.item-reused', detail: expect.stringContaining('copy-ack:1') });
    // The same entry again is still "already had".
    expect((await forward({ items: [{ id: 'copy-ack:1', entry: entry(1) }] })).json()).toMatchObject({ alreadyHad: ['copy-ack:1'] });
  });

  it('refuses a forward over the totals of screenings or hits, naming the limit', async () => {
    const screening = (hits: number) => ({ at: '2026-01-02T03:04:05.000Z', query: {}, hits: Array.from({ length: hits }, () => ({ alertId: ids.hidden, score: 1, reasons: [] })) });
    const tooManyScreenings = await forward({ items: [0, 1].map((i) => ({ id: `copy-cap:${i}`, entry: entry(i + 1), screenings: Array.from({ length: 1001 }, () => screening(0)) })) });
    expect(tooManyScreenings.statusCode).toBe(422);
    expect(tooManyScreenings.json()).toMatchObject({ code: 'replica.too-many-screenings', detail: expect.stringContaining('more than 2000') });
    const tooManyHits = await forward({ items: [0, 1, 2, 3, 4, 5].map((i) => ({ id: `copy-cap:${i}`, entry: entry(i + 1), screenings: [screening(1000)] })) });
    expect(tooManyHits.statusCode).toBe(422);
    expect(tooManyHits.json()).toMatchObject({ code: 'replica.too-many-hits', detail: expect.stringContaining('more than 5000') });
    expect(await h.t.deps.db.selectFrom('replica_received').select('item_id').where('item_id', 'like', 'copy-cap:%').execute()).toEqual([]);
  });

  it('records one hit per alert and screening however often the copy names it, keeping its claimed time in UTC; refuses a time from the future', async () => {
    const before = (await h.t.deps.db.selectFrom('hits').select('id').execute()).length;
    const res = await forward({
      items: [{ id: 'copy-dup:1', entry: entry(1, { at: '2026-01-02T05:04:05.123456+02:00' }), screenings: [{ at: '2026-01-02T05:04:05+02:00', query: {}, hits: Array.from({ length: 50 }, () => ({ alertId: ids.hidden, score: 1, reasons: [] })) }] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const hits = await h.t.deps.db.selectFrom('hits').select('created_at').execute();
    expect(hits.length - before).toBe(1);
    const stored = await h.t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'replica.forward-entry').where('detail', 'like', '%copy-dup:1%').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.detail)).toMatchObject({ claimedAt: '2026-01-02T03:04:05.123Z', screeningsClaimedAt: ['2026-01-02T03:04:05.000Z'] });
    const future = await forward({ items: [{ id: 'copy-dup:2', entry: entry(2, { at: new Date(Date.now() + 3600_000).toISOString() }) }] });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ field: 'items.0.entry.at' });
  });

  it("never puts a copy's entry into another member's audit view, whatever target it claims", async () => {
    const forged = await forward({ items: [{ id: 'copy-forge:1', entry: entry(1, { action: 'alert.read', target: `alert:${ids.itaOnly}`, outcome: 'ok' }) }] });
    expect(forged.statusCode).toBe(200);
    const view = await h.app.inject({ method: 'GET', url: `/api/v1/audit?alertId=${ids.itaOnly}&limit=100`, headers: bearer(h.key('FRA', 'auditor')) });
    expect(view.statusCode, view.body).toBe(200);
    const items = (view.json() as { items: { role: string; action: string }[] }).items;
    expect(items.filter((i) => i.role === 'replica')).toEqual([]);
    // It is on the centre's trail, under the copy's credential, with what the copy claimed in the detail.
    const kept = await h.t.deps.db.selectFrom('audit_log').select(['action', 'target', 'detail']).where('detail', 'like', '%copy-forge:1%').where('action', '=', 'replica.forward-entry').executeTakeFirstOrThrow();
    expect(kept.target).toBe('replica:copy-forge');
    expect(JSON.parse(kept.detail)).toMatchObject({ replica: { action: 'alert.read', target: `alert:${ids.itaOnly}` } });
  });

  it("records a backdated entry at the centre's time of receipt, with a request id any client could send; the claims kept as data", async () => {
    const receivedFrom = new Date().toISOString();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/replica/forward',
      headers: { ...bearer(h.key('DEU', 'replica')), 'x-request-id': 'forward-req-1' },
      payload: { items: [{ id: 'copy-past:1', entry: entry(1, { at: '2001-01-01T00:00:00.000Z', requestId: 'system/startup', hash: 'f'.repeat(64) }) }, { id: 'copy-past:2', entry: entry(2, { at: '2001-01-01T00:00:00.000Z', requestId: 'border-7.abc', hash: 'f'.repeat(64) }) }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await h.t.deps.db.selectFrom('audit_log').select(['seq', 'at', 'request_id', 'detail']).where('action', '=', 'replica.forward-entry').where('detail', 'like', '%copy-past:%').orderBy('seq').execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.at >= receivedFrom).toBe(true);
      expect(JSON.parse(row.detail)).toMatchObject({ claimedAt: '2001-01-01T00:00:00.000Z' });
    }
    // The server's own ids cannot be imitated: the entry takes the forwarding request's id.
    expect(rows[0]!.request_id).toBe('forward-req-1');
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ claimedRequestId: 'system/startup' });
    expect(await h.t.deps.db.selectFrom('audit_log').select('seq').where('request_id', '=', 'system/startup').where('role', '=', 'replica').execute()).toEqual([]);
    // An id any client could have sent is kept, so the copy's logs and the centre's line up.
    expect(rows[1]!.request_id).toBe('border-7.abc');
    // The trail read in the order it was written is in the order of time: nothing slots in before older entries.
    const trail = await h.t.deps.db.selectFrom('audit_log').select(['seq', 'at']).orderBy('seq').execute();
    expect(trail.map((r) => r.at)).toEqual([...trail.map((r) => r.at)].sort());
  });

  it("confirms a copy's hit at the threshold and weights its screening set for itself", async () => {
    const person = (await createAlert(h.t.deps, as('FRA'), personAlert('WIEWIORKA'))).id;
    const claim = [{ code: 'name.same', field: 'surname', query: 'CLAIMED', record: 'CLAIMED' }];
    // Born in another year and of another sex: 1 − 0.3 − 0.2 = 0.5 as measured; with the sex weighed half, 0.6.
    const query = { person: { names: ['Anna Wiewiorka'], birthDate: '1990', sex: 'M' }, threshold: 0.6, weights: { sex: 0.5 } };
    const res = await forward({ items: [{ id: 'copy-settings:1', entry: entry(1, { hash: '2'.repeat(64) }), screenings: [{ at: '2026-01-02T03:04:05.000Z', query, hits: [{ alertId: person, score: 0.6, reasons: claim }] }] }] });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await h.t.deps.db.selectFrom('hits').select(['score', 'reasons', 'reasons_claimed_by']).where('alert_id', '=', person).execute();
    // Found again by the centre (its own reasons, not the copy's claim), and recorded as the hit it is at 0.6.
    expect(stored.map((r) => [Number(r.score), r.reasons_claimed_by])).toEqual([[0.6, null]]);
    expect(stored[0]!.reasons).not.toContain('CLAIMED');
  });

  it("scores forwarded hits with the centre's own matcher; reasons it cannot find again are stored as the copy's claim", async () => {
    const doc = (await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', 'CLAIM0001'))).id;
    const invented = [{ code: 'name.same', field: 'surname', query: 'OSAMA', record: 'OSAMA' }];
    const res = await forward({
      items: [
        {
          id: 'copy-claim:1',
          entry: entry(1, { hash: '1'.repeat(64) }),
          screenings: [
            // The centre finds this hit again: its reasons replace the invented ones.
            { at: '2026-01-02T03:04:05.000Z', query: { documents: [{ number: 'CLAIM0001', issuingState: 'FRA' }] }, hits: [{ alertId: doc, score: 0.99, reasons: invented }] },
            // The centre does not: the copy's reasons are kept, marked as its claim.
            { at: '2026-01-02T03:04:05.000Z', query: { documents: [{ number: 'ZZ999999' }] }, hits: [{ alertId: ids.hidden, score: 0.97, reasons: invented }] },
          ],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await h.t.deps.db.selectFrom('hits').select(['alert_id', 'score', 'reasons', 'reasons_claimed_by']).where('credential', 'like', 'key:%').where('alert_id', 'in', [doc, ids.hidden]).where('reasons', 'like', '%OSAMA%').execute();
    expect(stored.map((r) => r.alert_id)).toEqual([ids.hidden]);
    expect(stored[0]!.reasons_claimed_by).toBe('replica:copy-claim');
    const confirmed = await h.t.deps.db.selectFrom('hits').select(['score', 'reasons', 'reasons_claimed_by', 'id']).where('alert_id', '=', doc).executeTakeFirstOrThrow();
    expect(confirmed.reasons_claimed_by).toBeNull();
    expect(Number(confirmed.score)).toBeCloseTo(1, 3);
    expect(JSON.parse(confirmed.reasons)).toEqual([{ code: 'document.same-number', number: 'CLAIM0001', state: 'FRA' }]);
    // The owner reads the claimed hit as the copy's claim, not as the centre's finding.
    const claimedId = (await h.t.deps.db.selectFrom('hits').select('id').where('reasons_claimed_by', '=', 'replica:copy-claim').executeTakeFirstOrThrow()).id;
    const owner = await h.app.inject({ method: 'GET', url: `/api/v1/hits/${claimedId}`, headers: bearer(h.key('FRA', 'bureau')) });
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.json()).toMatchObject({ reasonsClaimedBy: 'replica:copy-claim', reasons: invented });
    const centres = await h.app.inject({ method: 'GET', url: `/api/v1/hits/${confirmed.id}`, headers: bearer(h.key('FRA', 'bureau')) });
    expect(centres.json()).not.toHaveProperty('reasonsClaimedBy');
  });

  it('scans a bounded range of the feed for a member that sees little of it, and says how far it got', async () => {
    const start = Number((await h.t.deps.db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow()).value);
    for (let i = 0; i < 25; i++) await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', `REPL0SCAN${i}`, { mode: 'only', members: ['ITA'] }));
    const { status, body } = await batch(h.key('DEU', 'replica'), start, 1);
    expect(status).toBe(200);
    // Ten rows per item asked for: 10 invisible changes scanned, not the 25 up to the head.
    expect(body).toMatchObject({ from: start, to: start + 10, head: start + 25, items: [] });
    const next = (await batch(h.key('DEU', 'replica'), start + 10, 1)).body;
    expect(next).toMatchObject({ from: start + 10, to: start + 20 });
  });
});
