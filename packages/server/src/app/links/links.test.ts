import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { LinkFollower } from '../../links/link-follower.js';
import { startLinkFollower } from '../../links/start.js';
import { queryAudit, verifyAuditChain } from '../../store/audit-repo.js';
import { cancelAlert } from '../cancel-alert.js';
import { createAlert } from '../create-alert.js';
import { screen } from '../screen.js';
import { decideLink } from './decide-link.js';
import { linkGraph, type GraphAlertNode, type GraphHitNode } from './link-graph.js';
import { listLinks } from './list-links.js';

const analyst = (member: string) => as(member, 'analyst');

const holder = (names: unknown[], birthDate: string, extra: Record<string, unknown> = {}, visibility: unknown = { mode: 'all' }) => ({
  kind: 'person',
  category: 'missing',
  person: { names, birthDate, ...extra },
  visibility,
});

describe.each(ENGINES)('identity links on %s', (engine) => {
  let t: TestContext;
  let links: LinkFollower;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    links = new LinkFollower(t.deps);
  });
  afterEach(async () => t.close());

  it('links a stolen passport to the person holding it, once, however often the feed is read', async () => {
    const stolen = await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    const person = await createAlert(t.deps, as('FRA'), holder([{ family: 'MEYER', given: 'PAUL' }], '1990-02-03', { documents: [{ issuingState: 'D', type: 'passport', number: 'c01x 00t47' }] }));
    await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'C01X00T47'));
    expect(await links.catchUp()).toBe(1);
    expect(await links.catchUp()).toBe(0);
    // Read again from the start (another process, a restored cursor): still one link.
    await t.deps.db.updateTable('counters').set({ value: 0 }).where('name', '=', 'links-cursor').execute();
    await new LinkFollower(t.deps).catchUp();

    const { items } = await listLinks(t.deps, analyst('ITA'), {});
    expect(items).toHaveLength(1);
    const [a, b] = [stolen, person].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(items[0]).toMatchObject({ color: 'yellow', basis: 'document', detail: { issuingState: 'DEU', number: 'C01X00T47' }, reason: null });
    expect(items[0]!.alerts.map((x) => x.id)).toEqual([a!.id, b!.id]);
    expect(items[0]!.alerts.find((x) => x.id === stolen.id)).toEqual({
      id: stolen.id,
      kind: 'document',
      owner: 'DEU',
      ownerName: 'Germany',
      label: 'DEU C01X00T47',
      subject: { kind: 'document', documentType: 'passport', issuingState: 'DEU', number: 'C01X00T47', status: 'stolen-issued' },
    });
    expect(items[0]!.alerts.find((x) => x.id === person.id)).toEqual({
      id: person.id,
      kind: 'person',
      owner: 'FRA',
      ownerName: 'France',
      label: 'MEYER, PAUL (1990)',
      subject: { kind: 'person', category: 'missing', name: { family: 'MEYER', given: 'PAUL' }, birthDate: '1990-02-03' },
    });
    expect(await queryAudit(t.deps.db, { action: 'link.create', limit: 10 })).toHaveLength(1);
  });

  it('links the same person written in Cyrillic and in Latin with the same birth date, and no one else', async () => {
    const latin = await createAlert(t.deps, as('DEU'), holder([{ family: 'IVANOV', given: 'SERGEI' }], '1980-05-12'));
    const cyrillic = await createAlert(t.deps, as('FRA'), holder([{ full: 'Сергей Иванов', script: 'Cyrl' }], '1980-05-12'));
    await createAlert(t.deps, as('ITA'), holder([{ family: 'IVANOV', given: 'SERGEI' }], '1980-05-13'));
    await createAlert(t.deps, as('ITA'), holder([{ family: 'PETROV', given: 'SERGEI' }], '1980-05-12'));
    await links.catchUp();
    const { items } = await listLinks(t.deps, analyst('ESP'), {});
    expect(items.map((l) => [l.basis, l.alerts.map((x) => x.id).sort()])).toEqual([['name-birth-date', [latin.id, cyrillic.id].sort()]]);
    expect(items[0]!.detail).toMatchObject({ birthDate: '1980-05-12' });
  });

  it('does not link an alert that is no longer active', async () => {
    await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    const person = await createAlert(t.deps, as('FRA'), holder([{ family: 'MEYER' }], '1990-02-03', { documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] }));
    await cancelAlert(t.deps, as('FRA'), person.id, { reason: 'found' });
    await links.catchUp();
    expect((await listLinks(t.deps, analyst('ITA'), {})).items).toEqual([]);
  });

  it('hides a link from a member that cannot see one of its alerts, also when deciding', async () => {
    await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    await createAlert(t.deps, as('FRA'), holder([{ family: 'MEYER' }], '1990-02-03', { documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] }, { mode: 'all-except', members: ['ITA'] }));
    await links.catchUp();
    const [link] = (await listLinks(t.deps, analyst('ESP'), {})).items;
    expect(link).toBeDefined();
    expect((await listLinks(t.deps, analyst('ITA'), {})).items).toEqual([]);
    const hidden = await domainError(decideLink(t.deps, analyst('ITA'), link!.id, { color: 'white', reason: 'same' }));
    const missing = await domainError(decideLink(t.deps, analyst('ITA'), '019a0000-0000-7000-8000-000000000000', { color: 'white', reason: 'same' }));
    expect([hidden.kind, hidden.message]).toEqual(['not-found', missing.message]);
    expect((await listLinks(t.deps, analyst('ESP'), {})).items[0]!.color).toBe('yellow');
  });

  it('records an analyst decision with its reason, filters by colour and alert, and audits it', async () => {
    const stolen = await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    await createAlert(t.deps, as('FRA'), holder([{ family: 'MEYER' }], '1990-02-03', { documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] }));
    const other = await createAlert(t.deps, as('FRA'), holder([{ family: 'SCHULZ' }], '1970-01-01'));
    await links.catchUp();
    const [link] = (await listLinks(t.deps, analyst('ESP'), {})).items;
    expect((await domainError(decideLink(t.deps, as('ESP'), link!.id, { color: 'red', reason: 'x' }))).kind).toBe('forbidden');
    expect((await domainError(decideLink(t.deps, analyst('ESP'), link!.id, { color: 'yellow', reason: 'x' }))).kind).toBe('validation');
    expect((await domainError(decideLink(t.deps, analyst('ESP'), link!.id, { color: 'red' }))).kind).toBe('validation');

    const decided = await decideLink(t.deps, analyst('ESP'), link!.id, { color: 'red', reason: 'passport reported stolen before the person was registered' });
    expect(decided).toMatchObject({ id: link!.id, color: 'red', reason: 'passport reported stolen before the person was registered', decidedMember: 'ESP' });
    expect((await listLinks(t.deps, analyst('ESP'), { color: 'yellow' })).items).toEqual([]);
    expect((await listLinks(t.deps, analyst('ESP'), { color: 'red', alertId: stolen.id })).items.map((l) => l.id)).toEqual([link!.id]);
    expect((await listLinks(t.deps, analyst('ESP'), { alertId: other.id })).items).toEqual([]);
    const [entry] = await queryAudit(t.deps.db, { action: 'link.decide', limit: 1 });
    expect(entry).toMatchObject({ member: 'ESP', role: 'analyst', target: `link:${link!.id}`, outcome: 'ok' });
    expect(JSON.parse(entry!.detail)).toEqual({ from: 'yellow', to: 'red', reason: 'passport reported stolen before the person was registered' });
    expect((await domainError(listLinks(t.deps, as('ESP'), {}))).kind).toBe('forbidden');
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('draws the visible links as a graph of alerts, documents and the hits the member is party to', async () => {
    const stolen = await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    const person = await createAlert(t.deps, as('FRA'), holder([{ family: 'MEYER', given: 'PAUL' }], '1990-02-03', { documents: [{ issuingState: 'D', type: 'passport', number: 'c01x 00t47' }] }, { mode: 'all-except', members: ['ITA'] }));
    // A hit on an alert outside every link stays out of the graph.
    await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'ZZ9999999'));
    await links.catchUp();
    await screen(t.deps, as('FRA', 'frontline'), { documents: [{ number: 'C01X00T47', issuingState: 'DEU' }] });
    await screen(t.deps, as('POL', 'frontline'), { documents: [{ number: 'C01X00T47', issuingState: 'DEU' }] });
    await screen(t.deps, as('FRA', 'frontline'), { documents: [{ number: 'ZZ9999999', issuingState: 'DEU' }] });

    const graph = await linkGraph(t.deps, analyst('FRA'), {});
    const alertNodes = graph.nodes.filter((n): n is GraphAlertNode => n.type === 'alert');
    expect(alertNodes.map((n) => n.alertId).sort()).toEqual([stolen.id, person.id].sort());
    // Both screenings found FRA's own person alert (it carries the passport); of the two on DEU's
    // stolen passport, only FRA's own screening is FRA's business.
    expect(alertNodes.find((n) => n.alertId === person.id)).toMatchObject({ kind: 'person', owner: 'FRA', category: 'missing', label: 'MEYER, PAUL (1990)', status: 'active', hitCount: 2 });
    expect(alertNodes.find((n) => n.alertId === stolen.id)).toMatchObject({ kind: 'document', owner: 'DEU', label: 'DEU C01X00T47', hitCount: 1 });
    const hits = graph.nodes.filter((n): n is GraphHitNode => n.type === 'hit');
    const onStolen = hits.filter((h) => h.alertId === stolen.id);
    expect(onStolen.map((h) => [h.owner, h.screeningMember, h.score])).toEqual([['DEU', 'FRA', 1]]);
    expect(hits.filter((h) => h.alertId === person.id).map((h) => h.screeningMember).sort()).toEqual(['FRA', 'POL']);
    expect(graph.nodes.find((n) => n.type === 'document')).toEqual({ id: 'document:DEU:C01X00T47', type: 'document', issuingState: 'DEU', number: 'C01X00T47', documentType: 'passport' });
    const edges = graph.edges.map((e) => [e.type, e.source, e.target]);
    expect(edges).toContainEqual(['holds', `alert:${person.id}`, 'document:DEU:C01X00T47']);
    expect(edges).toContainEqual(['same-document', 'document:DEU:C01X00T47', `alert:${stolen.id}`]);
    expect(edges).toContainEqual(['hit', `hit:${onStolen[0]!.hitId}`, `alert:${stolen.id}`]);
    const [link] = graph.edges.filter((e) => e.type === 'link');
    expect(link).toMatchObject({ source: `alert:${[stolen.id, person.id].sort()[0]}`, target: `alert:${[stolen.id, person.id].sort()[1]}`, link: { color: 'yellow', basis: 'document' } });

    // The owner of the stolen passport is party to both screenings; a third member to neither.
    const forOwner = await linkGraph(t.deps, analyst('DEU'), {});
    const ownerHits = forOwner.nodes.filter((n): n is GraphHitNode => n.type === 'hit');
    expect(ownerHits.map((n) => [n.alertId, n.screeningMember]).sort()).toEqual([[stolen.id, 'FRA'], [stolen.id, 'POL']].sort());
    const forEsp = await linkGraph(t.deps, analyst('ESP'), {});
    expect(forEsp.nodes.filter((n) => n.type === 'hit')).toEqual([]);
    expect(forEsp.nodes.filter((n): n is GraphAlertNode => n.type === 'alert').map((n) => n.hitCount)).toEqual([0, 0]);
    // A member that may not see the person alert sees no link, hence nothing at all.
    expect(await linkGraph(t.deps, analyst('ITA'), {})).toEqual({ nodes: [], edges: [] });

    await decideLink(t.deps, analyst('FRA'), link!.link!.id, { color: 'red', reason: 'passport reported stolen before' });
    expect((await linkGraph(t.deps, analyst('FRA'), { color: 'yellow' })).edges).toEqual([]);
    expect((await linkGraph(t.deps, analyst('FRA'), { color: 'red' })).edges.find((e) => e.type === 'link')!.link!.color).toBe('red');
    expect((await domainError(linkGraph(t.deps, as('FRA'), {}))).kind).toBe('forbidden');
    expect((await domainError(linkGraph(t.deps, analyst('FRA'), { color: 'blue' }))).field).toBe('color');
    expect(await queryAudit(t.deps.db, { action: 'link.read-graph', limit: 20 })).toHaveLength(8);
  });

  it('runs in the background once started, and stops', async () => {
    const errors: unknown[] = [];
    const task = startLinkFollower(t.deps, (err) => errors.push(err));
    try {
      await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
      await createAlert(t.deps, as('FRA'), holder([{ family: 'MEYER' }], '1990-02-03', { documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] }));
      await vi.waitFor(async () => expect((await listLinks(t.deps, analyst('ESP'), {})).items).toHaveLength(1), { timeout: 10_000, interval: 200 });
      expect(errors).toEqual([]);
    } finally {
      task!.stop();
    }
  });
});
