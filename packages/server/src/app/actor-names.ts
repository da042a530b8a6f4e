import { parseCredential } from '@crosscheck/core';
import { keysByIds, usersByIds } from '../store/name-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.js';
import type { Tx } from '../store/write-transaction.js';

/** Who acted, as a person reads it: a user's name, a key's label, with the member it belongs to. */
export interface ActorName {
  /** The user name, the key's label, the operating-system user of the command line; null for a key without a label. */
  name: string | null;
  /** The member of the user or key; null for the command line and the server itself. */
  member: string | null;
  /** A key's public prefix: what the hits pages call a key that has no label. */
  prefix?: string;
}

/**
 * Names for credentials as they are written on the trail, histories, decisions and hits
 * (`user:<id>`, `key:<id>`, `cli:<os user>`): the one place a credential gets its name. One query per kind for the whole list. The server's own work
 * (`system…`) and anything unknown get no entry: the page says "the system" or shows the text.
 *
 * It decides nothing about who may learn a name: callers pass only credentials the reader may
 * already see (an auditor its entries' actors; a member its own users and keys on its own
 * alert's history, its own link decisions and the credentials of its own member on a hit), and
 * the name tells no more than the id did.
 */
export async function actorNames(db: Kysely<DB> | Tx, credentials: Iterable<string>): Promise<Map<string, ActorName>> {
  const userIds: string[] = [];
  const keyIds: string[] = [];
  const names = new Map<string, ActorName>();
  for (const text of new Set(credentials)) {
    const c = parseCredential(text);
    if (c?.kind === 'user') userIds.push(c.id);
    else if (c?.kind === 'key') keyIds.push(c.id);
    else if (c?.kind === 'cli') names.set(text, { name: c.osUser, member: null });
  }
  // One after the other: inside a transaction both engines hold a single connection.
  for (const u of await usersByIds(db, userIds)) names.set(`user:${u.id}`, { name: u.username, member: u.member });
  for (const k of await keysByIds(db, keyIds)) names.set(`key:${k.id}`, { name: k.label, member: k.member, prefix: k.prefix });
  return names;
}
