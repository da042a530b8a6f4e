/**
 * The score of a pair of names of a FollowTheMoney schema (`Person`, `Company`, `Organization`,
 * `LegalEntity`, `Vessel`), as the eval scores nomenklatura's labelled pairs: the core's
 * `compareBySchema`, with person names prepared once and kept (the blocking figures read them, as
 * an index prepares each record once).
 */
import { compareBySchema, compareNames, prepareName, type PreparedName } from '@crosscheck/core';

const persons = new Map<string, PreparedName>();

export function preparedPerson(name: string): PreparedName {
  let p = persons.get(name);
  if (!p) persons.set(name, (p = prepareName(name)));
  return p;
}

/** Name 1 is the query, name 2 the record. A score on the persons' scale (a hit from DEFAULT_THRESHOLD). */
export function scoreBySchema(schema: string, query: string, record: string): number {
  if (schema === 'Person' || schema === '') return compareNames(preparedPerson(query), preparedPerson(record)).score;
  return compareBySchema(schema, query, record).score;
}

/** Every person name prepared so far (for the blocking figures, which look at the names seen). */
export function preparedPersons(): IterableIterator<PreparedName> {
  return persons.values();
}
