import { GENESIS_HASH, hashEntry, type AuditFields } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import type { DB } from '../src/store/schema.js';

/**
 * Appends `n` well-chained synthetic entries straight into the trail, in batches: a large trail
 * in seconds for tests and benchmarks (the use cases would take minutes).
 */
export async function fillAuditTrail(db: Kysely<DB>, n: number, batch = 1000): Promise<void> {
  let done = 0;
  while (done < n) {
    const size = Math.min(batch, n - done);
    await db.transaction().execute(async (tx) => {
      const head = await tx.selectFrom('counters').select(['value', 'hash']).where('name', '=', 'audit').executeTakeFirstOrThrow();
      let prev = head.hash;
      const rows = [];
      for (let i = 1; i <= size; i++) {
        const seq = Number(head.value) + i;
        const fields: AuditFields = { seq, at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(), member: seq % 3 === 0 ? 'DEU' : 'FRA', role: 'frontline', credential: `key:bench${seq % 7}`, action: 'screening.run', target: `screening:${seq}`, requestId: `fill-${seq}`, outcome: 'ok', detail: '{"hits":0}' };
        const hash = hashEntry(fields, prev);
        rows.push({ seq, at: fields.at, member: fields.member, role: fields.role, credential: fields.credential, action: fields.action, target: fields.target, request_id: fields.requestId, outcome: fields.outcome, detail: fields.detail, prev_hash: prev, hash });
        prev = hash;
      }
      await tx.insertInto('audit_log').values(rows).execute();
      await tx.updateTable('counters').set({ value: Number(head.value) + size, hash: prev }).where('name', '=', 'audit').execute();
    });
    done += size;
  }
}

/** Deletes the last `n` entries and moves the head counter back to the new last one: a cut the chain cannot show. */
export async function cutTail(db: Kysely<DB>, n: number): Promise<number> {
  const head = await db.selectFrom('counters').select('value').where('name', '=', 'audit').executeTakeFirstOrThrow();
  const last = Number(head.value) - n;
  await db.deleteFrom('audit_log').where('seq', '>', last).execute();
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', last).executeTakeFirst();
  await db.updateTable('counters').set({ value: last, hash: row?.hash ?? GENESIS_HASH }).where('name', '=', 'audit').execute();
  return last;
}

/** Edits entry `seq`'s detail and re-hashes it and every entry after it, moving the head counter: a rewrite the chain cannot show. */
export async function rewriteFrom(db: Kysely<DB>, seq: number, detail: string): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  const before = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq - 1).executeTakeFirst();
  let prev = before?.hash ?? GENESIS_HASH;
  for (const r of rows) {
    const fields: AuditFields = { seq: Number(r.seq), at: r.at, member: r.member, role: r.role, credential: r.credential, action: r.action, target: r.target, requestId: r.request_id, outcome: r.outcome, detail: Number(r.seq) === seq ? detail : r.detail };
    const hash = hashEntry(fields, prev);
    await db.updateTable('audit_log').set({ detail: fields.detail, prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
    prev = hash;
  }
  await db.updateTable('counters').set({ hash: prev }).where('name', '=', 'audit').execute();
}
