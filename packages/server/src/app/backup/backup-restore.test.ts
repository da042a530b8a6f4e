import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cutTail, fillAuditTrail } from '../../../test/audit-trail.js';
import { ENGINES, as, documentAlert, freshStore, openTestDeps, type TestContext, type TestStore } from '../../../test/engines.js';
import { verifyAuditChain } from '../../store/audit-repo.js';
import { openDatabase } from '../../store/database.js';
import { writeCheckpoint } from '../audit/write-checkpoint.js';
import { createAlert } from '../create-alert.js';
import { backupDatabase } from './backup-database.js';
import { restoreDatabase } from './restore-database.js';

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let t: TestContext;
  let dir: string;
  let into: TestStore;
  let alertId: string;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-backup-'));
    into = await freshStore(engine);
    t.deps.auditTrail = { keyFile: join(dir, 'audit.key'), checkpointMinutes: 60, checkpointFile: null, checkpointUrl: null };
    alertId = (await createAlert(t.deps, as('FRA'), documentAlert('FRA', 'B1'))).id;
    await fillAuditTrail(t.deps.db, 300);
    await writeCheckpoint(t.deps, 'system');
  });
  afterEach(async () => {
    await t.close();
    await into.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const backup = (file = join(dir, 'backup')) => backupDatabase(t.store.target, engine, file, new Date()).then(() => file);
  const restore = (file: string, force = false) => restoreDatabase(into.target, engine, file, { force, auditTrail: t.deps.auditTrail });
  async function inTarget<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
    const d = await openDatabase(into.target);
    try {
      return await read(d.db);
    } finally {
      await d.close();
    }
  }
  const auditCount = (db: Awaited<ReturnType<typeof openDatabase>>['db']) => db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));

  it('restores every row, with the audit trail replayed against its signed checkpoint', async () => {
    const file = await backup();
    const trail = await restore(file);
    const source = await auditCount(t.deps.db);
    expect(trail.entries).toBe(source);
    expect(trail.checkpoint).toMatchObject({ signatureChecked: true });
    expect(await inTarget(async (db) => ({ audit: await auditCount(db), chain: (await verifyAuditChain(db)).ok, alert: (await db.selectFrom('alerts').select('id').execute()).map((r) => r.id) }))).toEqual({ audit: source, chain: true, alert: [alertId] });
  });

  it('refuses to overwrite a database that holds data unless forced, and then replaces it whole', async () => {
    const file = await backup();
    await restore(file);
    await inTarget((db) => db.deleteFrom('audit_checkpoints').execute());
    await expect(restore(file)).rejects.toThrow(/holds data: .*--force/);
    expect(await inTarget((db) => db.selectFrom('audit_checkpoints').selectAll().execute())).toEqual([]);
    await restore(file, true);
    expect(await inTarget((db) => db.selectFrom('audit_checkpoints').selectAll().execute())).toHaveLength(1);
  });

  it('refuses a backup whose trail was cut after its checkpoint, and one cut short, leaving the target as it was', async () => {
    await cutTail(t.deps.db, 30);
    const file = await backup();
    await expect(restore(file)).rejects.toThrow(/audit trail is broken .*\(cut\)/);
    expect(await inTarget((db) => db.selectFrom('alerts').selectAll().execute()).catch(() => [])).toEqual([]);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restore(file)).rejects.toThrow();
    expect(await inTarget((db) => db.selectFrom('alerts').selectAll().execute()).catch(() => [])).toEqual([]);
  });
});
