import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDetailSchema, alertHistorySchema, alertListSchema, storedAlertSchema } from '@crosscheck/core/api/schemas';
import { ENGINES, as, domainError, openTestDeps, personAlert, readFull, type TestContext } from '../../../test/engines.js';
import { alertHistory } from '../alert-history.js';
import { cancelAlert } from '../cancel-alert.js';
import { createAlert } from '../create-alert.js';
import { exportAlerts } from '../export-alerts.js';
import { getAlert } from '../get-alert.js';
import { listAlerts } from '../list-alerts.js';
import { listChanges } from '../list-changes.js';
import { updateAlert } from '../update-alert.js';
import { screen } from '../screen.js';
import { screenResponseSchema } from '@crosscheck/core/api/schemas';
import { purgeAlertData } from '../../store/retention-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { tombstoneOf } from '../retention/tombstone.js';
import { parseAlertBody } from '../../store/alert-body.js';
import { queryAudit } from '../../store/audit-repo.js';

const IBAN = 'DE89 3704 0044 0532 0130 00';
/** An answer's asset fields, whatever kind the type says it may be. */
const of = (a: unknown) => a as { persons?: string[]; asset?: Record<string, unknown> };
const asset = (body: object, extra: object = {}) => ({ kind: 'asset', category: 'asset-tracing', asset: body, visibility: { mode: 'all' }, ...extra });
const account = (extra: object = {}) => asset({ type: 'bank-account', iban: IBAN, bic: 'COBADEFFXXX', holder: 'Anna Maria Eriksson' }, extra);

describe.each(ENGINES)('asset alerts on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  it('are created, read, listed, found by their identifier in any form, changed and cancelled', async () => {
    const created = await createAlert(t.deps, as('DEU'), account());
    expect(storedAlertSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({ kind: 'asset', category: 'asset-tracing', status: 'active', version: 1, asset: { iban: IBAN } });
    // Asset alerts are personal data of the holder: kept as long as persons (core retention.ts).
    expect(created.reviewDate).toBe(`${Number(created.createdAt.slice(0, 4)) + 5}${created.createdAt.slice(4, 10)}`);
    expect(created.warnings).toBeUndefined();

    const read = await readFull(t.deps, as('FRA'), created.id);
    expect(alertDetailSchema.parse(read)).toEqual(read);
    expect(read).toMatchObject({ kind: 'asset', owner: 'DEU', asset: { type: 'bank-account', iban: IBAN } });

    for (const text of ['DE89370400440532013000', 'de89 3704', 'eriksson']) {
      const page = await listAlerts(t.deps, as('FRA'), { text });
      expect(alertListSchema.parse(page)).toEqual(page);
      expect(page.items.map((a) => a.id), text).toEqual([created.id]);
    }
    expect((await listAlerts(t.deps, as('FRA'), { kind: 'asset' })).items.map((a) => a.id)).toEqual([created.id]);

    const changed = await updateAlert(t.deps, as('DEU'), created.id, { asset: { type: 'bank-account', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'DEUTDEFF' }, category: 'un-sanctions' });
    expect(changed).toMatchObject({ version: 2, category: 'un-sanctions', warnings: [{ field: 'asset.bic', code: 'asset.bic-country-differs' }] });
    expect(storedAlertSchema.parse(changed)).toEqual(changed);
    const cancelled = await cancelAlert(t.deps, as('DEU'), created.id, { reason: 'account closed' });
    expect(cancelled.status).toBe('cancelled');
    const history = await alertHistory(t.deps, as('DEU'), created.id);
    expect(alertHistorySchema.parse(history)).toEqual(history);
    expect(history.items.map((v) => v.action)).toEqual(['created', 'updated', 'cancelled']);
  });

  it('refuses an invalid identifier with a 422 naming the field, and says the doubts about a valid one', async () => {
    const wrong = await domainError(createAlert(t.deps, as('DEU'), asset({ type: 'bank-account', iban: 'DE88 3704 0044 0532 0130 00' })));
    expect(wrong.kind).toBe('validation');
    expect(wrong.problems).toEqual([{ field: 'asset.iban', code: 'asset.iban-checksum', message: expect.stringContaining('MOD 97') }]);
    const imo = await domainError(createAlert(t.deps, as('DEU'), asset({ type: 'vessel', imo: 'IMO 9074728' })));
    expect(imo.problems).toMatchObject([{ field: 'asset.imo', code: 'asset.imo-checksum' }]);

    const vessel = await createAlert(t.deps, as('DEU'), asset({ type: 'vessel', imo: 'IMO 9074729', name: 'NORDWIND' }));
    expect(vessel.warnings).toEqual([{ field: 'asset.flag', code: 'asset.vessel-no-flag', message: expect.any(String) }]);
    const eth = await createAlert(t.deps, as('DEU'), asset({ type: 'wallet', currency: 'ETH', address: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed' }));
    expect(eth.warnings).toMatchObject([{ field: 'asset.address', code: 'wallet.no-checksum' }]);
    // A warning is said, not stored.
    expect(await readFull(t.deps, as('DEU'), eth.id)).not.toHaveProperty('warnings');
  });

  it('links persons both ways, each side showing only what the reader may read', async () => {
    const open = await createAlert(t.deps, as('DEU'), personAlert('ERIKSSON'));
    const shared = await createAlert(t.deps, as('DEU'), personAlert('LARSSON', { mode: 'only', members: ['FRA'] }));
    const assetAlert = await createAlert(t.deps, as('DEU'), account({ persons: [open.id, shared.id] }));

    // The owner and FRA see both persons; ITA sees only the open one, and nothing of the other.
    const byOwner = await readFull(t.deps, as('DEU'), assetAlert.id);
    expect(of(byOwner).persons).toEqual([open.id, shared.id]);
    expect((byOwner as { personAlerts?: { id: string }[] }).personAlerts?.map((p) => p.id)).toEqual([open.id, shared.id]);
    const byIta = await getAlert(t.deps, as('ITA'), assetAlert.id);
    expect(alertDetailSchema.parse(byIta)).toEqual(byIta);
    expect(byIta).toMatchObject({ persons: [open.id], personAlerts: [{ id: open.id, kind: 'person', owner: 'DEU', status: 'active', subject: { kind: 'person', name: { family: 'ERIKSSON' } } }] });
    expect(JSON.stringify(byIta)).not.toContain(shared.id);
    for (const page of [await listAlerts(t.deps, as('ITA'), { kind: 'asset' })]) expect(JSON.stringify(page)).not.toContain(shared.id);
    expect(JSON.stringify(await alertHistory(t.deps, as('ITA'), assetAlert.id))).not.toContain(shared.id);
    expect(JSON.stringify(await listChanges(t.deps, as('ITA'), {}))).not.toContain(shared.id);
    const exported: unknown[] = [];
    await exportAlerts(t.deps, as('ITA'), { kind: 'asset' }, (a) => exported.push(a));
    expect(exported).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain(shared.id);

    // From the person's side: the asset alerts naming it.
    const person = await getAlert(t.deps, as('FRA'), shared.id);
    expect(alertDetailSchema.parse(person)).toEqual(person);
    expect(person).toMatchObject({ assetAlerts: [{ id: assetAlert.id, kind: 'asset', subject: { kind: 'asset', assetType: 'bank-account', identifier: IBAN, name: 'Anna Maria Eriksson' } }] });

    // An asset hidden from a reader is not listed on the person, not even counted.
    const hiddenAsset = await createAlert(t.deps, as('DEU'), asset({ type: 'vessel', imo: '9074729', flag: 'MLT' }, { persons: [open.id], visibility: { mode: 'only', members: ['FRA'] } }));
    const openByIta = await getAlert(t.deps, as('ITA'), open.id);
    expect((openByIta as { assetAlerts?: { id: string }[] }).assetAlerts?.map((a) => a.id)).toEqual([assetAlert.id]);
    expect(JSON.stringify(openByIta)).not.toContain(hiddenAsset.id);
    const openByFra = await getAlert(t.deps, as('FRA'), open.id);
    expect((openByFra as { assetAlerts?: { id: string }[] }).assetAlerts?.map((a) => a.id).sort()).toEqual([assetAlert.id, hiddenAsset.id].sort());
    // A person alert without assets says nothing of them.
    expect(await getAlert(t.deps, as('DEU'), (await createAlert(t.deps, as('DEU'), personAlert('NOBODY'))).id)).not.toHaveProperty('assetAlerts');
    // The trail says which linked alerts each read showed, and only those.
    const reads = await queryAudit(t.deps.db, { action: 'alert.read', limit: 100 });
    const linkedOf = (member: string, target: string) => reads.filter((e) => e.member === member && e.target === `alert:${target}`).map((e) => (e.detail ? (JSON.parse(e.detail) as { linked?: string[] }).linked : undefined));
    expect(linkedOf('ITA', assetAlert.id)).toEqual([[open.id]]);
    expect(linkedOf('ITA', open.id)).toEqual([[assetAlert.id]]);
  });

  it('refuses persons[i] the creator may not read, or that is no person alert, without telling which', async () => {
    const hidden = await createAlert(t.deps, as('DEU'), personAlert('HIDDEN', { mode: 'only', members: ['FRA'] }));
    const document = await createAlert(t.deps, as('ITA'), { kind: 'document', document: { issuingState: 'ITA', type: 'passport', number: 'YA1234567', status: 'lost' }, visibility: { mode: 'all' } });
    const visible = await createAlert(t.deps, as('DEU'), personAlert('VISIBLE'));
    const refusals = [];
    for (const id of [hidden.id, document.id, '0190aaaa-0000-7000-8000-000000000000']) {
      const e = await domainError(createAlert(t.deps, as('ITA'), account({ persons: [visible.id, id] })));
      expect(e.kind).toBe('validation');
      refusals.push({ field: e.field, message: e.message, code: e.code });
    }
    expect(refusals[0]).toEqual({ field: 'persons.1', message: 'persons.1: not a person alert you may read', code: 'validation.invalid' });
    expect((await domainError(createAlert(t.deps, as('ITA'), account({ persons: [hidden.id] })))).problems).toEqual([{ field: 'persons.0', message: 'not a person alert you may read', code: 'asset.reference' }]);
    // Hidden, of another kind, absent: one same answer.
    expect(new Set(refusals.map((r) => JSON.stringify(r))).size).toBe(1);
    // A person alert under review is its owner's only.
    const pending = await createAlert(t.deps, as('DEU'), { ...personAlert('WANTED'), category: 'arrest' });
    expect(pending.status).toBe('pending-review');
    expect((await domainError(createAlert(t.deps, as('ITA'), account({ persons: [pending.id] })))).field).toBe('persons.0');
    expect(of(await createAlert(t.deps, as('DEU'), account({ persons: [pending.id] }))).persons).toEqual([pending.id]);
  });

  it('links a vehicle asset to a vehicle alert its creator may read, and nothing else', async () => {
    const vehicle = await createAlert(t.deps, as('ITA'), { kind: 'vehicle', vehicle: { plate: 'AB-123-CD', plateCountry: 'FRA' }, visibility: { mode: 'only', members: ['DEU'] } });
    const person = await createAlert(t.deps, as('ITA'), personAlert('ROSSI'));
    const ok = await createAlert(t.deps, as('DEU'), asset({ type: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA', vehicleAlertId: vehicle.id, make: 'Fiat' }));
    expect(of(ok).asset).toMatchObject({ vehicleAlertId: vehicle.id });
    // DEU reads it with its vehicle alert named; FRA, which may not see that vehicle alert, learns nothing of it.
    const byDeu = await getAlert(t.deps, as('DEU'), ok.id);
    expect(alertDetailSchema.parse(byDeu)).toEqual(byDeu);
    expect(byDeu).toMatchObject({ asset: { vehicleAlertId: vehicle.id }, vehicleAlert: { id: vehicle.id, kind: 'vehicle', subject: { kind: 'vehicle', plate: 'AB-123-CD' } } });
    const byFra = await getAlert(t.deps, as('FRA'), ok.id);
    expect(alertDetailSchema.parse(byFra)).toEqual(byFra);
    expect(JSON.stringify(byFra)).not.toContain(vehicle.id);
    expect(JSON.stringify(await listAlerts(t.deps, as('FRA'), { kind: 'asset' }))).not.toContain(vehicle.id);
    expect((await domainError(createAlert(t.deps, as('FRA'), asset({ type: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA', vehicleAlertId: vehicle.id })))).field).toBe('asset.vehicleAlertId');
    expect((await domainError(createAlert(t.deps, as('DEU'), asset({ type: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA', vehicleAlertId: person.id })))).field).toBe('asset.vehicleAlertId');
  });

  it('keeps a person named before and since hidden from the owner through later changes, and checks only what a change adds', async () => {
    const other = await createAlert(t.deps, as('FRA'), personAlert('DUPONT'));
    const mine = await createAlert(t.deps, as('DEU'), account({ persons: [other.id] }));
    await updateAlert(t.deps, as('FRA'), other.id, { visibility: { mode: 'only', members: ['ITA'] } });
    // The owner no longer sees that person: not shown, but the body keeps it, and a change of another field goes through.
    expect(of(await readFull(t.deps, as('DEU'), mine.id)).persons).toBeUndefined();
    const changed = await updateAlert(t.deps, as('DEU'), mine.id, { remarks: 'seen in Hamburg' });
    expect(of(changed).persons).toEqual([other.id]);
    const hiddenFromDeu = await createAlert(t.deps, as('FRA'), personAlert('MARTIN', { mode: 'only', members: ['ITA'] }));
    expect((await domainError(updateAlert(t.deps, as('DEU'), mine.id, { persons: [other.id, hiddenFromDeu.id] }))).field).toBe('persons.1');
  });

  it('live beside the screening index: screening, changes and cancellations of asset alerts leave the other kinds found as before', async () => {
    const person = await createAlert(t.deps, as('DEU'), { ...personAlert('ERIKSSON'), person: { names: [{ family: 'ERIKSSON', given: 'ANNA' }], walletAddresses: [{ address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }] } });
    const wallet = await createAlert(t.deps, as('DEU'), asset({ type: 'wallet', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }, { persons: [person.id] }));
    await updateAlert(t.deps, as('DEU'), wallet.id, { category: 'un-sanctions' });
    const r = await screen(t.deps, as('FRA', 'frontline'), { walletAddress: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' });
    expect(screenResponseSchema.parse(r)).toEqual(r);
    expect(r.hits.map((h) => h.alertId)).toContain(person.id);
    await cancelAlert(t.deps, as('DEU'), wallet.id, { reason: 'wallet emptied' });
    expect((await screen(t.deps, as('FRA', 'frontline'), { person: { names: ['Anna Eriksson'] } })).hits.map((h) => h.alertId)).toContain(person.id);
  });

  it('gives the frontline a discreet check on an asset as its instruction only, and never lists it on the person', async () => {
    const person = await createAlert(t.deps, as('DEU'), personAlert('ERIKSSON'));
    const discreet = await createAlert(t.deps, as('DEU'), account({ category: 'discreet-check', persons: [person.id] }));
    expect(await getAlert(t.deps, as('FRA', 'frontline'), discreet.id)).toEqual({ id: discreet.id, kind: 'asset', owner: 'DEU', category: 'discreet-check', action: expect.any(String), access: 'instruction-only' });
    expect(await getAlert(t.deps, as('FRA', 'frontline'), person.id)).not.toHaveProperty('assetAlerts');
    expect((await getAlert(t.deps, as('FRA'), person.id)) as object).toMatchObject({ assetAlerts: [{ id: discreet.id }] });
  });

  it('forgets the links of a purged asset', async () => {
    const person = await createAlert(t.deps, as('DEU'), personAlert('ERIKSSON'));
    const a = await createAlert(t.deps, as('DEU'), account({ persons: [person.id] }));
    await inWriteTransaction(t.deps.db, async (tx) => {
      const row = await tx.selectFrom('alerts').select('body').where('id', '=', a.id).executeTakeFirstOrThrow();
      await purgeAlertData(tx, a.id, tombstoneOf(parseAlertBody(row.body)), new Date().toISOString());
    });
    expect(await getAlert(t.deps, as('DEU'), person.id)).not.toHaveProperty('assetAlerts');
    const purged = await readFull(t.deps, as('DEU'), a.id);
    expect(alertDetailSchema.parse(purged)).toEqual(purged);
    expect(purged).toMatchObject({ kind: 'asset', category: 'asset-tracing', asset: { type: 'company', name: '[purged]' } });
  });
});
