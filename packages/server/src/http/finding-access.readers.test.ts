import { roleMay, type Role, type Visibility } from '@crosscheck/core';
import { findingVisibleTo, taxiiCollectionId, type StixObject } from '@crosscheck/core/chain';
import { FINDING_STATUSES, type FindingStatus } from '@crosscheck/core/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../test/engines.js';
import { scanned } from '../../test/findings.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { recordFindings } from '../app/chain/record-findings.js';
import { updateFinding } from '../app/chain/update-finding.js';

/**
 * Every reader of findings, for every visibility and status, against the one rule
 * (`findingVisibleTo`): the owner FRA, DEU named by each visibility, ITA named by none, in each
 * role. A finding a reader may not see is absent everywhere: the list, the finding itself, its
 * content, the export and TAXII; a role without `chain.read` is refused the same way whatever exists.
 */
const VISIBILITIES: Visibility[] = [{ mode: 'all' }, { mode: 'only', members: ['DEU'] }, { mode: 'only', members: [] }, { mode: 'all-except', members: ['DEU'] }, { mode: 'all-except', members: ['ESP'] }];
const READERS = ['FRA', 'DEU', 'ITA'] as const;
const ROLES: Role[] = ['analyst', 'bureau', 'frontline', 'auditor'];

interface Case {
  id: string;
  sha256: string;
  status: FindingStatus;
  visibility: Visibility;
}

describe.each(ENGINES)('who sees which finding, through every reader, on %s', (engine) => {
  let h: Harness;
  const cases: Case[] = [];
  beforeAll(async () => {
    h = await httpHarness(engine, READERS.flatMap((m) => ROLES.map((r): [string, Role] => [m, r])));
    const combos = VISIBILITIES.flatMap((visibility) => FINDING_STATUSES.map((status) => ({ visibility, status })));
    const items = combos.map((_, i) => {
      const bytes = Buffer.from(`case ${i}`);
      return { finding: scanned(bytes), content: bytes };
    });
    const { ids } = await recordFindings(h.t.deps, as('FRA', 'analyst'), items);
    for (const [i, c] of combos.entries()) {
      await updateFinding(h.t.deps, as('FRA', 'bureau'), ids[i]!, { status: c.status, visibility: c.visibility });
      cases.push({ id: ids[i]!, sha256: scanned(Buffer.from(`case ${i}`)).sha256, ...c });
    }
  });
  afterAll(async () => h.close());

  const get = (member: string, role: Role, url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers: { ...bearer(h.key(member, role)), ...headers } });
  const expected = (member: string) => cases.filter((c) => findingVisibleTo({ owner: 'FRA', ...c }, member));

  it('holds the SQL of the rule and the rule to the same answer in lists, exports and TAXII', async () => {
    for (const member of READERS) {
      for (const role of ROLES) {
        const list = await get(member, role, '/api/v1/chain/findings?limit=500');
        if (!roleMay(role, 'chain.read')) {
          expect(list.statusCode, `${member} ${role}`).toBe(403);
          continue;
        }
        const want = expected(member).map((c) => c.id).sort();
        expect((list.json() as { items: { id: string }[] }).items.map((f) => f.id).sort(), `${member} ${role} list`).toEqual(want);
        const exported = (await get(member, role, '/api/v1/chain/findings/export?format=jsonl')).body.trim();
        expect(exported === '' ? [] : exported.split('\n').map((l) => (JSON.parse(l) as { id: string }).id).sort(), `${member} ${role} export`).toEqual(want);
        const stix = (await get(member, role, '/api/v1/chain/findings/export?format=stix')).json() as { objects: StixObject[] };
        const patterns = stix.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern).sort();
        expect(patterns, `${member} ${role} stix`).toEqual(expected(member).map((c) => `[file:hashes.'SHA-256' = '${c.sha256}']`).sort());

        const taxii = await get(member, role, `/taxii2/findings/collections/${taxiiCollectionId('FRA')}/objects/?limit=1000`, { accept: 'application/taxii+json;version=2.1' });
        if (want.length === 0) {
          expect(taxii.statusCode, `${member} ${role} taxii`).toBe(404);
          continue;
        }
        const objects = (taxii.json() as { objects: StixObject[] }).objects;
        expect(objects.filter((o) => o.type === 'indicator').map((o) => o.pattern).sort(), `${member} ${role} taxii`).toEqual(patterns);
      }
    }
  });

  it('answers each finding, and its content, exactly as the rule says; hidden is unknown', async () => {
    for (const member of READERS) {
      for (const role of ROLES) {
        for (const c of cases) {
          const one = await get(member, role, `/api/v1/chain/findings/${c.id}`);
          const content = await get(member, role, `/api/v1/chain/findings/${c.id}/content`);
          const label = `${member} ${role} ${c.status} ${JSON.stringify(c.visibility)}`;
          if (!roleMay(role, 'chain.read')) {
            expect([one.statusCode, content.statusCode], label).toEqual([403, 403]);
            continue;
          }
          const visible = findingVisibleTo({ owner: 'FRA', ...c }, member);
          expect(one.statusCode, label).toBe(visible ? 200 : 404);
          expect(content.statusCode, label).toBe(visible && roleMay(role, 'chain.reveal') ? 200 : visible ? 403 : 404);
          if (visible) expect('visibility' in (one.json() as object), label).toBe(member === 'FRA');
          else expect((one.json() as { code: string }).code).toBe('finding.not-found');
        }
      }
    }
  });
});
