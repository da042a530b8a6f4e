import type { Actor } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import type { Engine } from '../store/database.js';
import type { DB } from '../store/schema.js';
import type { IndexFollower } from '../screening/index-follower.js';

/** What every use case needs from the outside world; built once in main.ts (or a test). */
export interface Deps {
  db: Kysely<DB>;
  engine: Engine;
  clock: () => Date;
  newId: () => string;
  /** The member that runs this installation: its auditors see the whole trail. */
  operator: string;
  sessionHours: number;
  /** This process's screening index, loaded on first use and then following the change feed. */
  screeningIndex: () => Promise<IndexFollower>;
}

/** Who asks, and under which request id (for the audit trail). */
export interface Ctx {
  actor: Actor;
  requestId: string;
}

export const nowIso = (deps: Deps): string => deps.clock().toISOString();
