/**
 * The score of a pair of names of a FollowTheMoney schema (`Person`, `Company`, `Organization`,
 * `LegalEntity`, `Vessel`), as the eval scores nomenklatura's labelled pairs: persons through the
 * person-name comparison, everything else through the company comparison (legal forms set apart).
 *
 * The one place the eval chooses a matcher by schema: when the core exports its own
 * `compareBySchema(schema, a, b)`, this function becomes a call to it. Prepared names are cached,
 * as an index prepares each record once.
 */
import { compareNames, prepareCompanyName, prepareName, scoreCompany, type PreparedCompanyName, type PreparedName } from '@crosscheck/core';

const persons = new Map<string, PreparedName>();
const companies = new Map<string, PreparedCompanyName>();

export function preparedPerson(name: string): PreparedName {
  let p = persons.get(name);
  if (!p) persons.set(name, (p = prepareName(name)));
  return p;
}

function preparedCompany(name: string): PreparedCompanyName {
  let p = companies.get(name);
  if (!p) companies.set(name, (p = prepareCompanyName(name)));
  return p;
}

/** Name 1 is the query, name 2 the record. A score on the persons' scale (a hit from DEFAULT_THRESHOLD). */
export function scoreBySchema(schema: string, query: string, record: string): number {
  if (schema === 'Person' || schema === '') return compareNames(preparedPerson(query), preparedPerson(record)).score;
  return scoreCompany({ names: [preparedCompany(query)] }, { names: [preparedCompany(record)] }).score;
}

/** Every person name prepared so far (for the blocking figures, which look at the names seen). */
export function preparedPersons(): IterableIterator<PreparedName> {
  return persons.values();
}
