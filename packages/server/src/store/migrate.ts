import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial.js';
import type { DB } from './schema.js';

// Migrations are compiled into the program (not read from a folder at run time), so a bundled or
// relocated server always carries exactly the migrations it was written for.
const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => ({ '0001-initial': initial }),
};

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
