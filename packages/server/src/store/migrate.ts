import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial.js';
import * as screening from './migrations/0002-screening.js';
import * as cooperation from './migrations/0003-cooperation.js';
import * as retention from './migrations/0004-retention.js';
import * as replyReminders from './migrations/0005-reply-reminders.js';
import * as alertPhotos from './migrations/0006-alert-photos.js';
import * as userLanguage from './migrations/0007-user-language.js';
import * as publicNotices from './migrations/0008-public-notices.js';
import * as replica from './migrations/0009-replica.js';
import * as replicaIdentity from './migrations/0010-replica-identity.js';
import * as hiddenFromFrontline from './migrations/0011-hidden-from-frontline.js';
import * as loginThrottle from './migrations/0012-login-throttle.js';
import * as auditCheckpoints from './migrations/0013-audit-checkpoints.js';
import * as approvalsAndClaims from './migrations/0014-approvals-and-claims.js';
import * as chainFindings from './migrations/0015-chain-findings.js';
import * as retroactiveHits from './migrations/0020-retroactive-hits.js';
import * as carrierChecks from './migrations/0017-carrier-checks.js';
import * as clearances from './migrations/0019-clearances.js';
import * as assetPersons from './migrations/0016-asset-persons.js';
import type { Engine } from './database.js';
import type { DB } from './schema.js';

// Migrations are compiled into the program (not read from a folder at run time), so a bundled or
// relocated server always carries exactly the migrations it was written for.
const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => ({ '0001-initial': initial, '0002-screening': screening, '0003-cooperation': cooperation, '0004-retention': retention, '0005-reply-reminders': replyReminders, '0006-alert-photos': alertPhotos, '0007-user-language': userLanguage, '0008-public-notices': publicNotices, '0009-replica': replica, '0010-replica-identity': replicaIdentity, '0011-hidden-from-frontline': hiddenFromFrontline, '0012-login-throttle': loginThrottle, '0013-audit-checkpoints': auditCheckpoints, '0014-approvals-and-claims': approvalsAndClaims, '0015-chain-findings': chainFindings, '0020-retroactive-hits': retroactiveHits, '0016-asset-persons': assetPersons, '0017-carrier-checks': carrierChecks, '0019-clearances': clearances }),
};

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Kysely<DB>, engine: Engine): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; on a
  // PostgreSQL database shared by several crosscheck schemas it would find another's.
  const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely finds its own tables by listing every schema's columns; a schema dropped, or a table
    // altered, by someone else at that moment (tests, other installations on one server) fails the
    // listing. Nothing was migrated then (a failed migration rolls back whole): look again.
    if (engine === 'postgres' && attempt < 5 && isVanishedSchema(error)) {
      await new Promise((r) => setTimeout(r, 50 * attempt));
      continue;
    }
    throw error instanceof Error ? error : new Error(String(error));
  }
}

function isVanishedSchema(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // 42703: a column listed a moment earlier is gone ('column "x" of relation "y" does not exist').
  return code === '3F000' || code === '42P01' || code === '42703' || (error instanceof Error && /schema "[^"]+" does not exist/.test(error.message));
}
