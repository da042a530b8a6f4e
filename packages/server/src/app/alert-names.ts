import { alertAccess, alertSubject, type Reader } from '@crosscheck/core';
import type { NamedAlert } from '@crosscheck/core/api';
import { accessFactsOf } from '../store/alert-repo.js';
import { parseAlertBody } from '../store/alert-body.js';
import { alertsByIds, memberNames } from '../store/name-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.js';
import type { Tx } from '../store/write-transaction.js';

/**
 * The alerts among `ids` that `reader` may read in full, named by their subject and their
 * owner's name. An alert the reader may not see, or may see only as an instruction (a discreet
 * check at the frontline), is left out: its subject is what the access rule withholds, and its
 * absence says no more than the id already did.
 */
export async function namedAlerts(db: Kysely<DB> | Tx, reader: Reader, ids: Iterable<string>): Promise<Map<string, NamedAlert>> {
  const readable = (await alertsByIds(db, ids)).filter((row) => alertAccess(reader, accessFactsOf(row)) === 'full');
  const owners = await memberNames(db, readable.map((row) => row.owner));
  return new Map(readable.map((row) => [row.id, { id: row.id, subject: alertSubject(parseAlertBody(row.body)), owner: row.owner, ownerName: owners.get(row.owner) ?? row.owner }]));
}
