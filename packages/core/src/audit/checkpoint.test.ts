import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { TrailScan, auditLeafHash, checkInclusionProof, parseCheckpoint, parseInclusionProof, type CheckpointBody, type InclusionProof } from './checkpoint.js';
import { GENESIS_HASH, hashEntry, type ChainedEntry } from './hash-chain.js';
import { inclusionProof } from './merkle.js';

function chain(n: number, edit?: { seq: number; member: string }): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { seq, at: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`, member: edit?.seq === seq ? edit.member : 'FRA', role: 'bureau', credential: 'key:k', action: 'alert.read', target: `alert:${seq}`, requestId: `r${seq}`, outcome: 'ok', detail: '{}' };
    const hash = hashEntry(fields, prev);
    out.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function checkpointOf(entries: ChainedEntry[]): CheckpointBody {
  const scan = new TrailScan();
  for (const e of entries) scan.push(e);
  const r = scan.finish(null);
  return { size: r.entries, headHash: r.headHash, root: r.root, at: '2026-01-01T01:00:00.000Z', keyId: '0'.repeat(32) };
}

function scan(entries: ChainedEntry[], c: CheckpointBody) {
  const s = new TrailScan(c);
  for (const e of entries) if (!s.push(e)) break;
  const last = entries[entries.length - 1];
  return s.finish(last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH });
}

describe('trail against a checkpoint', () => {
  const original = chain(20);
  const c = checkpointOf(original.slice(0, 15));

  it('finds nothing wrong with the untouched trail, nor with entries added since', () => {
    expect(scan(original.slice(0, 15), c).problem).toBeNull();
    expect(scan(original, c).problem).toBeNull();
  });

  it('finds a cut tail that the chain and the moved head counter cannot show', () => {
    const r = scan(original.slice(0, 10), c);
    expect(r.problem).toMatchObject({ kind: 'cut', seq: 11 });
    expect(r.problem!.message).toMatch(/ends at entry 10.*covers 15 entries: entries 11 to 15 were removed/);
  });

  it('finds history rewritten and re-hashed before the checkpoint, and a tail rewritten within it', () => {
    expect(scan(chain(20, { seq: 3, member: 'DEU' }), c).problem).toMatchObject({ kind: 'rewritten', seq: 15 });
    expect(scan(chain(20, { seq: 15, member: 'DEU' }), c).problem).toMatchObject({ kind: 'rewritten', seq: 15 });
  });

  it('reports a broken chain first, where it breaks', () => {
    const edited = original.map((e) => (e.seq === 4 ? { ...e, member: 'DEU' } : e));
    expect(scan(edited, c).problem).toMatchObject({ kind: 'altered', seq: 4 });
  });
});

describe('inclusion proofs of audit entries', () => {
  const entries = chain(13);
  const c = checkpointOf(entries);
  const leaves = entries.map((e) => auditLeafHash(e.hash));
  const proofOf = (seq: number): InclusionProof => ({
    format: 'crosscheck-audit-inclusion-proof/1',
    entry: entries[seq - 1]!,
    leafIndex: seq - 1,
    treeSize: 13,
    path: inclusionProof(leaves, seq - 1).map(bytesToHex),
    checkpoint: { ...c, algorithm: 'Ed25519', signature: `${'A'.repeat(86)}==` },
  });

  it('holds for every entry, read back from JSON', () => {
    for (let seq = 1; seq <= 13; seq++) expect(checkInclusionProof(parseInclusionProof(JSON.parse(JSON.stringify(proofOf(seq)))), c)).toBeNull();
  });

  it('fails for an edited entry, another entry, another checkpoint or a bent path', () => {
    const p = proofOf(5);
    expect(checkInclusionProof({ ...p, entry: { ...p.entry, member: 'DEU' } }, c)).toMatch(/content does not match its hash/);
    expect(checkInclusionProof({ ...p, entry: entries[5]! }, c)).toMatch(/entry 6 is leaf 5/);
    expect(checkInclusionProof(p, { ...c, size: 14 })).toMatch(/covers 14/);
    expect(checkInclusionProof({ ...p, path: [...p.path].reverse() }, c)).toMatch(/not in the trail/);
    expect(checkInclusionProof({ ...p, path: p.path.slice(1) }, c)).toMatch(/not the length/);
  });

  it('names what is wrong in a malformed checkpoint or proof', () => {
    expect(() => parseCheckpoint({ ...c, algorithm: 'Ed25519', signature: 'x' })).toThrow(/checkpoint.signature: a base64 Ed25519 signature/);
    expect(() => parseInclusionProof({ ...proofOf(1), treeSize: 0 })).toThrow(/proof.treeSize/);
  });
});
