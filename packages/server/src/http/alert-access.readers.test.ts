import { alertAccess, alertInputSchema, DISCREET_ACTION, eip55, parseInput, type AlertAccess, type AlertAccessFacts, type AlertStatus, type Reader, type Role, type Visibility } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { tombstoneOf } from '../app/retention/tombstone.js';
import { writeAlertVersion } from '../store/alert-repo.js';
import { insertLink } from '../store/link-repo.js';
import { purgeAlertData } from '../store/retention-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';

// Each case walks every reader of the API over many alerts: seconds alone, more under a loaded suite.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// Every reader of alerts, for every role of every kind of member, over every visibility mode,
// category, frontline flag and status, compared with the one rule: `alertAccess`. Alerts are
// written through the store (the path every use case takes) so that statuses a use case reaches
// only through review or retention are in the table too. Each alert has two versions: what the
// first said must never reach a reader who may not read history.

const OWNER = 'FRA';
const MEMBERS = ['FRA', 'DEU', 'ITA'] as const;
const ROLES: Role[] = ['bureau', 'frontline', 'reviewer', 'analyst', 'auditor'];
const READERS: Reader[] = MEMBERS.flatMap((member) => ROLES.map((role) => ({ member, role })));
const VISIBILITIES: Visibility[] = [{ mode: 'all' }, { mode: 'only', members: [] }, { mode: 'only', members: ['DEU'] }, { mode: 'all-except', members: ['DEU'] }];
const SHAPES = [
  { category: null, hidden: false },
  { category: null, hidden: true },
  { category: 'missing', hidden: false },
  { category: 'missing', hidden: true },
  { category: 'discreet-check', hidden: false },
  { category: 'discreet-check', hidden: true },
] as const;
const STATUSES: AlertStatus[] = ['active', 'cancelled', 'expired', 'pending-review', 'rejected'];
const DAY = '2026-03-01';

interface Case {
  id: string;
  n: number;
  facts: AlertAccessFacts;
  kind: 'person' | 'document';
  /** Half the expired alerts have had their personal data purged (a tombstone in every version). */
  purged: boolean;
}

const letters = (n: number): string => `${'BCDFGHJKLMNPQRSTVWXZ'[n % 20]}${'AEIOU'[Math.floor(n / 20) % 5]}${'BCDFGHJKLMNPQRSTVWXZ'[Math.floor(n / 100) % 20]}`;

/** Each person's own Ethereum wallet, in EIP-55 case: screening by wallet address reads alerts too. */
const walletOf = (n: number): string => eip55((0xc0ffee00 + n).toString(16).padStart(40, '0'));

function bodyOf(c: Omit<Case, 'id'>, version: 1 | 2): unknown {
  const common = { caseReference: `ZEBRA-${c.n}`, remarks: version === 1 ? 'secret-old remark' : 'secret-now remark', action: 'secret action: arrest', visibility: c.facts.visibility, ...(c.facts.hiddenFromFrontline ? { hiddenFromFrontline: true } : {}) };
  if (c.kind === 'document') return { kind: 'document', document: { issuingState: OWNER, type: 'passport', number: `ZX${1000 + c.n}`, status: 'stolen-blank' }, ...common };
  return { kind: 'person', category: c.facts.category, person: { names: [{ family: `KAL${letters(c.n)}ERSON`, given: 'ZORRO' }], birthDate: `19${40 + (c.n % 50)}-0${1 + (c.n % 9)}-1${c.n % 10}`, walletAddresses: [{ address: walletOf(c.n) }] }, ...common };
}

describe.each(ENGINES)('every reader shows an alert as alertAccess says (%s)', (engine) => {
  let h: Harness;
  const cases: Case[] = [];
  const expect_ = (reader: Reader, c: Case): AlertAccess => alertAccess(reader, c.facts);

  beforeAll(async () => {
    h = await httpHarness(engine, [...READERS.map((r) => [r.member, r.role] as [string, Role]), ...MEMBERS.map((m) => [m, 'replica'] as [string, Role])]);
    let n = 0;
    for (const visibility of VISIBILITIES) {
      for (const shape of SHAPES) {
        for (const status of STATUSES) {
          const facts: AlertAccessFacts = { owner: OWNER, visibility, status, category: shape.category, hiddenFromFrontline: shape.hidden };
          const draft = { n: n++, facts, kind: shape.category === null ? ('document' as const) : ('person' as const), purged: status === 'expired' && n % 2 === 1 };
          const id = h.t.deps.newId();
          const first = parseInput(alertInputSchema, bodyOf(draft, 1));
          const second = parseInput(alertInputSchema, bodyOf(draft, 2));
          const at = `${DAY}T10:00:00.000Z`;
          const firstStatus = status === 'rejected' ? 'pending-review' : 'active';
          await inWriteTransaction(h.t.deps.db, async (tx) => {
            const base = { id, owner: OWNER, createdAt: at, at, changedBy: 'test' };
            await writeAlertVersion(tx, { ...base, input: first, status: firstStatus, statusReason: null, version: 1, action: 'created' }, undefined);
            const previous = await tx.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
            await writeAlertVersion(tx, { ...base, input: second, status, statusReason: null, version: 2, action: 'updated' }, previous);
            if (draft.purged) await purgeAlertData(tx, id, tombstoneOf(second), at);
          });
          cases.push({ ...draft, id });
        }
      }
    }
    // An identity link between each alert and the next, so every pair of answers meets in a link.
    await inWriteTransaction(h.t.deps.db, async (tx) => {
      for (let i = 0; i < cases.length; i++) {
        const j = (i + 1) % cases.length;
        await insertLink(tx, { id: h.t.deps.newId(), alertA: cases[i]!.id, alertB: cases[j]!.id, basis: 'name-birth-date', detail: JSON.stringify({ score: 0.95 }), at: `${DAY}T11:00:00.000Z` });
      }
    });
  }, 60_000);
  afterAll(async () => h.close());

  const get = (r: Reader, url: string) => h.app.inject({ method: 'GET', url, headers: bearer(h.key(r.member, r.role)) });
  const post = (r: Reader, url: string, payload: unknown) => h.app.inject({ method: 'POST', url, headers: bearer(h.key(r.member, r.role)), payload: payload as object });

  async function pages<T>(r: Reader, url: string, cursor: (next: string | number) => string): Promise<T[]> {
    const out: T[] = [];
    let next: string | number | null = null;
    do {
      const res = await get(r, next === null ? url : `${url}&${cursor(next)}`);
      expect(res.statusCode, url).toBe(200);
      const page = res.json<{ items: T[]; next: string | number | null }>();
      out.push(...page.items);
      next = page.next;
    } while (next !== null);
    return out;
  }

  const ids = (list: Case[]) => new Set(list.map((c) => c.id));
  const instruction = (c: Case) => ({ id: c.id, kind: c.kind, owner: OWNER, category: 'discreet-check', action: DISCREET_ACTION, access: 'instruction-only' });

  it('covers all three answers and every reader', () => {
    const answers = new Set(READERS.flatMap((r) => cases.map((c) => expect_(r, c))));
    expect(answers).toEqual(new Set(['full', 'instruction-only', 'hidden']));
    expect(cases).toHaveLength(VISIBILITIES.length * SHAPES.length * STATUSES.length);
  });

  it.each(READERS.map((r) => [`${r.member} ${r.role}`, r] as const))('get by id, list, text search, export, history and the change feed (%s)', async (_name, reader) => {
    // Get by id: the alert in full, its instruction only, or the same 404 as an id that never existed.
    for (const c of cases) {
      const res = await get(reader, `/api/v1/alerts/${c.id}`);
      const access = expect_(reader, c);
      expect(res.statusCode, `${c.n} ${access}`).toBe(access === 'hidden' ? 404 : 200);
      if (access === 'instruction-only') expect(res.json()).toEqual(instruction(c));
      if (access === 'full') expect(res.json()).toMatchObject(c.purged ? { id: c.id } : { id: c.id, remarks: 'secret-now remark' });
    }

    // The list (expired alerts leave it unless asked for by status) and the text search, which
    // looks inside bodies and so matches only alerts read in full.
    const listed = await pages<{ id: string; remarks?: string }>(reader, '/api/v1/alerts?limit=40', (next) => `cursor=${next}`);
    const listable = cases.filter((c) => expect_(reader, c) !== 'hidden' && c.facts.status !== 'expired');
    expect(ids(listed.map((a) => cases.find((c) => c.id === a.id)!))).toEqual(ids(listable));
    for (const a of listed) {
      const c = cases.find((x) => x.id === a.id)!;
      if (expect_(reader, c) === 'instruction-only') expect(a).toEqual(instruction(c));
    }
    const found = await pages<{ id: string }>(reader, '/api/v1/alerts?text=zebra&limit=50', (next) => `cursor=${next}`);
    expect(new Set(found.map((a) => a.id))).toEqual(ids(listable.filter((c) => expect_(reader, c) === 'full')));

    // Export: for the roles that export, every alert read in full and nothing else.
    const exported = await get(reader, '/api/v1/alerts/export');
    if (reader.role === 'bureau' || reader.role === 'analyst') {
      expect(exported.statusCode).toBe(200);
      const lines = exported.body.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: string }).id);
      expect(new Set(lines)).toEqual(ids(listable.filter((c) => expect_(reader, c) === 'full')));
    } else expect(exported.statusCode).toBe(403);

    // Photos: a full reader's only; anyone else gets the 404 of an alert that does not exist.
    for (const c of cases) expect((await get(reader, `/api/v1/alerts/${c.id}/photos`)).statusCode, `${c.n}`).toBe(expect_(reader, c) === 'full' ? 200 : 404);

    // History: only for a full reader whose role reads history; never a 403 that tells a hidden alert exists.
    for (const c of cases) {
      const res = await get(reader, `/api/v1/alerts/${c.id}/history`);
      if (reader.role === 'frontline') expect(res.statusCode).toBe(403);
      else expect(res.statusCode, `${c.n}`).toBe(expect_(reader, c) === 'full' ? 200 : 404);
    }

    // The change feed: a follower that applies it ends up holding every alert the reader may know
    // of and nothing else; a frontline reader never sees a superseded version.
    const feed = await get(reader, '/api/v1/changes?limit=1000');
    if (reader.role === 'reviewer' || reader.role === 'auditor') {
      expect(feed.statusCode).toBe(403);
      return;
    }
    const items = feed.json<{ items: { alertId: string; action: string; version: number; alert?: unknown; access?: string }[] }>().items;
    const last = new Map(items.map((i) => [i.alertId, i]));
    const held = [...last.values()].filter((i) => i.action !== 'withdrawn');
    const shown = items.filter((i) => i.action !== 'withdrawn');
    const feedable = cases.filter((c) => expect_(reader, c) !== 'hidden');
    expect(new Set(held.map((i) => i.alertId))).toEqual(ids(feedable));
    for (const i of shown) {
      const c = cases.find((x) => x.id === i.alertId)!;
      if (expect_(reader, c) === 'instruction-only') {
        expect(i.access).toBe('instruction-only');
        expect(i.alert).toEqual({ kind: c.kind, category: 'discreet-check', action: DISCREET_ACTION });
      }
      if (reader.role === 'frontline') expect(i.version).toBe(2);
    }
    if (reader.role === 'frontline') expect(JSON.stringify(items)).not.toContain('secret-old');
  });

  it.each(READERS.filter((r) => r.role === 'bureau' || r.role === 'frontline').map((r) => [`${r.member} ${r.role}`, r] as const))(
    'screening by wallet address (%s)',
    async (_name, reader) => {
      const persons = cases.filter((c) => c.kind === 'person');
      // Screened in lower case: the address is compared without its checksum case.
      const res = await post(reader, '/api/v1/screen/batch', persons.map((c) => ({ walletAddress: walletOf(c.n).toLowerCase() })));
      expect(res.statusCode).toBe(200);
      const results = res.json<{ items: { hits: { alertId: string; score?: number; action: string; reasons?: unknown[] }[] }[] }>().items;
      persons.forEach((c, i) => {
        const hits = results[i]!.hits;
        const expected = c.facts.status === 'active' && expect_(reader, c) !== 'hidden';
        expect(hits.map((x) => x.alertId), `${c.n}`).toEqual(expected ? [c.id] : []);
        if (!expected) return;
        if (expect_(reader, c) === 'instruction-only') {
          expect(hits[0]!.action).toBe(DISCREET_ACTION);
          expect(hits[0]).not.toHaveProperty('reasons');
        } else expect(hits[0]!.reasons).toEqual([{ code: 'wallet.exact', currency: 'ETH', address: walletOf(c.n) }]);
      });
      const all = results.flatMap((r) => r.hits);
      expect(all.some((x) => x.score !== undefined)).toBe(true);
      expect(all.some((x) => x.action === DISCREET_ACTION)).toBe(reader.role === 'frontline');
    },
    60_000,
  );

  it.each(READERS.filter((r) => r.role === 'bureau' || r.role === 'frontline').map((r) => [`${r.member} ${r.role}`, r] as const))(
    'screening and the hits inbox (%s)',
    async (_name, reader) => {
      const travellers = cases.map((c) =>
        c.kind === 'document' ? { documents: [{ issuingState: OWNER, number: `ZX${1000 + c.n}` }] } : { person: { names: [`ZORRO KAL${letters(c.n)}ERSON`], birthDate: `19${40 + (c.n % 50)}-0${1 + (c.n % 9)}-1${c.n % 10}` } },
      );
      const res = await post(reader, '/api/v1/screen/batch', travellers);
      expect(res.statusCode).toBe(200);
      const results = res.json<{ items: { hits: { alertId: string; score?: number; action: string; reasons?: unknown }[] }[] }>().items;
      cases.forEach((c, i) => {
        const hits = results[i]!.hits;
        // Screening holds active alerts only; what it shows of each is what the rule allows.
        for (const hit of hits) {
          const other = cases.find((x) => x.id === hit.alertId)!;
          expect(other.facts.status).toBe('active');
          const access = expect_(reader, other);
          expect(access).not.toBe('hidden');
          if (access === 'instruction-only') {
            expect(hit.action).toBe(DISCREET_ACTION);
            expect(hit).not.toHaveProperty('score');
          } else expect(hit.score).toEqual(expect.any(Number));
        }
        const expected = c.facts.status === 'active' && expect_(reader, c) !== 'hidden';
        expect(hits.some((x) => x.alertId === c.id), `${c.n}`).toBe(expected);
      });

      // The table reaches both shapes of a result, so the checks above are not vacuous.
      const all = results.flatMap((r) => r.hits);
      expect(all.some((x) => x.score !== undefined)).toBe(true);
      expect(all.some((x) => x.action === DISCREET_ACTION)).toBe(reader.role === 'frontline');

      // One traveller at a time answers as the batch did.
      for (const [i, c] of cases.entries()) {
        if (i % 3 !== 0) continue;
        const one = await post(reader, '/api/v1/screen', travellers[i]);
        expect(one.statusCode).toBe(200);
        expect(one.json<{ hits: { alertId: string }[] }>().hits.some((x) => x.alertId === c.id), `${c.n}`).toBe(results[i]!.hits.some((x) => x.alertId === c.id));
      }

      // The inbox and each hit's thread show the reader's screenings' hits as screening showed them.
      const inbox = await pages<{ id: string; alertId: string; score?: number; reasons: unknown[] }>(reader, '/api/v1/hits?limit=100', (next) => `after=${next}`);
      expect(inbox.length).toBeGreaterThan(0);
      for (const hit of inbox) {
        const c = cases.find((x) => x.id === hit.alertId)!;
        const access = expect_(reader, c);
        expect(access).not.toBe('hidden');
        const thread = await get(reader, `/api/v1/hits/${hit.id}`);
        expect(thread.statusCode).toBe(200);
        if (access === 'instruction-only') {
          expect(hit.reasons).toEqual([]);
          expect(hit).not.toHaveProperty('score');
          expect(thread.json()).toMatchObject({ action: DISCREET_ACTION, reasons: [], forms: [] });
          // Who the alert is about is what an instruction withholds: no subject, in the list or the thread.
          expect(hit).not.toHaveProperty('subject');
          expect(thread.json()).not.toHaveProperty('subject');
        } else if (!c.purged) expect(thread.json()).toHaveProperty('subject');
      }
      expect(JSON.stringify(inbox)).not.toContain('secret');
    },
    60_000,
  );

  it.each(READERS.filter((r) => r.role === 'bureau' || r.role === 'frontline').map((r) => [`${r.member} ${r.role}`, r] as const))(
    'flight screening (%s)',
    async (_name, reader) => {
      // One traveller per alert in a PAXLST message: a person by name and birth date, a document by
      // number and issuing state (its holder's name matches no alert).
      const travellers = cases.flatMap((c) =>
        c.kind === 'document'
          ? ["NAD+FL+++QUIRINUS:NOBODY'", `DOC+P:110:111+ZX${1000 + c.n}'`, `LOC+91+${OWNER}'`]
          : [`NAD+FL+++KAL${letters(c.n)}ERSON:ZORRO'`, `DTM+329:${40 + (c.n % 50)}0${1 + (c.n % 9)}1${c.n % 10}'`],
      );
      const head = ["UNA:+.? '", "UNB+UNOA:4+BIGAIR:ZZ+BORDERCTL:ZZ+260301:0915+IC9++APIS'", "UNH+M9+PAXLST:D:05B:UN:IATA'", "BGM+745'", "TDT+20+ZZ900+++ZZ'", "LOC+125+SIN'", "DTM+189:2603012330:201'", "LOC+87+LHR'", "DTM+232:2603020630:201'"];
      const message = [...head, ...travellers, `CNT+42:${cases.length}'`, `UNT+${7 + travellers.length + 2}+M9'`, "UNZ+1+IC9'"].join('\n');
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/flight', headers: { ...bearer(h.key(reader.member, reader.role)), 'content-type': 'application/edifact' }, payload: message });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json<{ travellers: { hits: { alertId: string; score?: number; action: string; access: string; reasons?: unknown }[] }[] }>();
      expect(report.travellers).toHaveLength(cases.length);
      cases.forEach((c, i) => {
        const hits = report.travellers[i]!.hits;
        for (const hit of hits) {
          const other = cases.find((x) => x.id === hit.alertId)!;
          expect(other.facts.status).toBe('active');
          const access = expect_(reader, other);
          expect(hit.access).toBe(access);
          if (access === 'instruction-only') {
            expect(hit.action).toBe(DISCREET_ACTION);
            expect(hit).not.toHaveProperty('score');
            expect(hit).not.toHaveProperty('reasons');
          } else expect(hit.score).toEqual(expect.any(Number));
        }
        const expected = c.facts.status === 'active' && expect_(reader, c) !== 'hidden';
        expect(hits.some((x) => x.alertId === c.id), `${c.n}`).toBe(expected);
      });
      const all = report.travellers.flatMap((t) => t.hits);
      expect(all.some((x) => x.score !== undefined)).toBe(true);
      expect(all.some((x) => x.action === DISCREET_ACTION)).toBe(reader.role === 'frontline');
    },
    60_000,
  );

  it.each(READERS.filter((r) => r.role !== 'frontline').map((r) => [`${r.member} ${r.role}`, r] as const))('the dashboard counts what the reader may know exists (%s)', async (_name, reader) => {
    const res = await get(reader, '/api/v1/stats?days=7');
    expect(res.statusCode).toBe(200);
    const visible = res.json<{ alerts: { visible: { count: number }[] } }>().alerts.visible.reduce((sum, k) => sum + k.count, 0);
    // A purged alert is no longer counted, by anyone.
    expect(visible).toBe(cases.filter((c) => expect_(reader, c) !== 'hidden' && !c.purged).length);
  });

  it.each(MEMBERS.map((m) => [m] as const))('a national copy of %s is sent what its bureau may see, by the same rule', async (member) => {
    const replica: Reader = { member, role: 'replica' };
    const bureau: Reader = { member, role: 'bureau' };
    const items: { alertId: string; action: string }[] = [];
    let after = 0;
    for (;;) {
      const res = await get(replica, `/api/v1/replica/batch?after=${after}&limit=100`);
      expect(res.statusCode).toBe(200);
      const batch = res.json<{ to: number; head: number; items: { alertId: string; action: string }[] }>();
      items.push(...batch.items);
      if (batch.to >= batch.head) break;
      after = batch.to;
    }
    const held = [...new Map(items.map((i) => [i.alertId, i])).values()].filter((i) => i.action !== 'withdrawn');
    expect(new Set(held.map((i) => i.alertId))).toEqual(ids(cases.filter((c) => expect_(bureau, c) !== 'hidden')));
  });

  it.each(MEMBERS.map((m) => [m] as const))('links and the link graph show %s\'s analysts only links between alerts they read in full', async (member) => {
    const analyst: Reader = { member, role: 'analyst' };
    const full = ids(cases.filter((c) => expect_(analyst, c) === 'full'));
    const expected = cases.filter((c, i) => full.has(c.id) && full.has(cases[(i + 1) % cases.length]!.id)).length;
    const links = await get(analyst, '/api/v1/links?limit=500');
    expect(links.statusCode).toBe(200);
    const listed = links.json<{ items: { alerts: { id: string }[] }[] }>().items;
    expect(listed).toHaveLength(expected);
    for (const l of listed) for (const a of l.alerts) expect(full.has(a.id)).toBe(true);
    const graph = await get(analyst, '/api/v1/links/graph?limit=500');
    expect(graph.statusCode).toBe(200);
    const nodes = graph.json<{ nodes: { kind: string; id: string; alertId?: string }[] }>().nodes;
    const alertNodes = JSON.stringify(nodes);
    for (const c of cases) if (!full.has(c.id)) expect(alertNodes).not.toContain(c.id);
    expect(expected).toBeGreaterThan(0);
  });
});
