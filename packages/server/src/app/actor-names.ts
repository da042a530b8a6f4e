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

/** Who reads a name: its member decides (see `mayNameActor`). */
export interface NameReader {
  member: string;
}

/**
 * The one rule of who may learn the name of who acted: the people of the actor's own member,
 * and the operator's (which administers every member). A user's name or key's label of another
 * member tells an outsider who works where; the credential id it was shown before says no more
 * than it did. The command line and the server belong to no member: only the operator names them.
 */
export const mayNameActor = (reader: NameReader, operator: string, actorMember: string | null): boolean =>
  reader.member === operator || (actorMember !== null && actorMember === reader.member);

/**
 * Names for credentials as they are written on the trail, histories, decisions and hits
 * (`user:<id>`, `key:<id>`, `cli:<os user>`): the one place a credential gets its name, and the
 * one place that decides whether `reader` may learn it (`mayNameActor`). One query per kind for
 * the whole list. An actor the reader may not name keeps its entry with `name` (and a key's
 * `prefix`) left out, so the page can still say which member it was. The server's own work
 * (`system…`) and anything unknown get no entry: the page says "the system" or shows the text.
 */
export async function actorNames(db: Kysely<DB> | Tx, reader: NameReader, operator: string, credentials: Iterable<string>): Promise<Map<string, ActorName>> {
  const userIds: string[] = [];
  const keyIds: string[] = [];
  const names = new Map<string, ActorName>();
  const put = (credential: string, actor: ActorName) =>
    names.set(credential, mayNameActor(reader, operator, actor.member) ? actor : { name: null, member: actor.member });
  for (const text of new Set(credentials)) {
    const c = parseCredential(text);
    if (c?.kind === 'user') userIds.push(c.id);
    else if (c?.kind === 'key') keyIds.push(c.id);
    else if (c?.kind === 'cli') put(text, { name: c.osUser, member: null });
  }
  // One after the other: inside a transaction both engines hold a single connection.
  for (const u of await usersByIds(db, userIds)) put(`user:${u.id}`, { name: u.username, member: u.member });
  for (const k of await keysByIds(db, keyIds)) put(`key:${k.id}`, { name: k.label, member: k.member, prefix: k.prefix });
  return names;
}
