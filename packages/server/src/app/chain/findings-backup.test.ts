import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ENGINES, as, freshStore, openTestDeps } from '../../../test/engines.js';
import { scanned } from '../../../test/findings.js';
import { defaultConfig } from '../../config.js';
import { contentOf } from '../../store/chain-finding-repo.js';
import { openDatabase } from '../../store/database.js';
import { backupDatabase } from '../backup/backup-database.js';
import { restoreDatabase } from '../backup/restore-database.js';
import { getFinding } from './get-finding.js';
import { recordFindings } from './record-findings.js';

describe.each(ENGINES)('findings through a backup and a restore on %s', (engine) => {
  it('come back with their locations and the exact bytes kept', async () => {
    const t = await openTestDeps(engine);
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-findings-backup-'));
    const other = await freshStore(engine);
    try {
      // Every byte value, a backslash and an "\x" that bytea's text forms would read as escapes.
      const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\\x41\\\\')]);
      const { ids } = await recordFindings(t.deps, as('FRA', 'analyst'), [{ finding: scanned(bytes), content: bytes }]);
      const file = join(dir, engine === 'sqlite' ? 'backup.db' : 'backup.jsonl.gz');
      await backupDatabase(t.store.target, engine, file, new Date());
      await restoreDatabase(other.target, engine, file, { force: false, auditTrail: defaultConfig().auditTrail });
      const restored = await openDatabase(other.target);
      try {
        expect(Buffer.compare((await contentOf(restored.db, ids[0]!))!, bytes)).toBe(0);
        const locations = await restored.db.selectFrom('chain_finding_locations').select('txid').where('finding_id', '=', ids[0]!).execute();
        expect(locations.map((l) => l.txid)).toEqual((await getFinding(t.deps, as('FRA', 'analyst'), ids[0]!)).locations.map((l) => l.txid));
      } finally {
        await restored.close();
      }
    } finally {
      await other.drop();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
