import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInclusionProof, parseInclusionProof } from '@crosscheck/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCheckpoint } from '../../app/audit/write-checkpoint.js';
import { ENGINES } from '../../../test/engines.js';
import { httpHarness, type Harness } from '../../../test/http-harness.js';

describe.each(ENGINES)('audit checkpoints and proofs over HTTP on %s', (engine) => {
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await httpHarness(engine, [['DEU', 'auditor'], ['DEU', 'bureau']]);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-proof-http-'));
    h.t.deps.auditTrail = { ...h.t.deps.auditTrail, keyFile: join(dir, 'audit.key') };
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (url: string, role: 'auditor' | 'bureau' = 'auditor') => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${h.key('DEU', role)}` } });

  it('serves the checkpoint and a proof of an own entry that checks against it; 404 before the first checkpoint; 422 for a bad seq', async () => {
    expect((await get('/api/v1/audit/checkpoint')).statusCode).toBe(404);
    // An entry of DEU's own: its bureau's refused attempt to read the trail.
    expect((await get('/api/v1/audit/checkpoint', 'bureau')).statusCode).toBe(403);
    await writeCheckpoint(h.t.deps, 'system');
    const c = await get('/api/v1/audit/checkpoint');
    expect(c.statusCode).toBe(200);
    const checkpoint = c.json();
    expect(checkpoint.publicKey).toMatch(/BEGIN PUBLIC KEY/);
    const own = await h.t.deps.db.selectFrom('audit_log').select('seq').where('member', '=', 'DEU').where('outcome', '=', 'access.forbidden').executeTakeFirstOrThrow();
    const res = await get(`/api/v1/audit/proof?seq=${own.seq}`);
    expect(res.statusCode).toBe(200);
    expect(checkInclusionProof(parseInclusionProof(res.json()), checkpoint)).toBeNull();
    expect((await get('/api/v1/audit/proof?seq=1')).statusCode).toBe(404);
    for (const bad of ['seq=abc', 'seq=0', 'seq=1&seq=2', 'size=-1&seq=1']) {
      const r = await get(`/api/v1/audit/proof?${bad}`);
      expect(r.statusCode, bad).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
