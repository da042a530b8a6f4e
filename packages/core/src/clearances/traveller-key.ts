import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { documentKey } from '../documents/document-number.js';
import { PART_INITIAL, PART_PARTICLE, type PreparedName } from '../names/prepare-name.js';
import type { ScreenProbes } from '../screening/probes.js';

/**
 * Who a screened traveller is, as a clearance remembers it ("not the same person" on an alert):
 * the same traveller typed slightly differently (case, spaces, hyphens, the MRZ's fillers, a
 * German `D` for DEU, names in another order or script) must give the same identity, and two
 * travellers must not.
 *
 * - A document with its issuing state is the identity: `document|STATE:NUMBER`, normalised as the
 *   document index normalises its exact key (`documentKey`). Not OCR-folded: the index's folded key
 *   is a weaker match, and a clearance is only for the traveller the officer actually cleared.
 * - Without one, a full name with a full birth date and a nationality:
 *   `person|WORDS|YYYY-MM-DD|NAT`, the words romanised by the names pipeline (`prepareName`),
 *   particles left out, sorted (so "ERIKSSON Anna" and "Anna Eriksson" agree). A name with an
 *   initial or a single word is not a full name.
 * When documents are given the name is not used: a traveller presenting another document than the
 * one cleared is checked afresh, whoever they claim to be.
 * Every document, and every name of the typed person and of the MRZ holder, gives a key; a later
 * screening sharing any of them is the same traveller.
 */
export function travellerIdentities(probes: Pick<ScreenProbes, 'persons' | 'documents'>): string[] {
  const documents = new Set<string>();
  for (const d of probes.documents) {
    if (d.issuingState.trim() === '') continue;
    const key = documentKey(d.issuingState, d.number);
    // A state or a number with nothing left once normalised identifies nobody.
    if (key.startsWith(':') || key.endsWith(':')) continue;
    documents.add(`document|${key}`);
  }
  if (documents.size > 0) return [...documents].sort();
  const persons = new Set<string>();
  for (const { facts } of probes.persons) {
    const birth = facts.birthDate;
    const nationality = facts.nationalities?.length === 1 ? facts.nationalities[0] : undefined;
    if (birth === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(birth) || nationality === undefined) continue;
    for (const name of facts.names) {
      const words = fullNameWords(name);
      if (words !== null) persons.add(`person|${words}|${birth}|${nationality}`);
    }
  }
  return [...persons].sort();
}

function fullNameWords(name: PreparedName): string | null {
  if (name.parts.some((p) => p.kind === PART_INITIAL)) return null;
  const words = name.parts.filter((p) => p.kind !== PART_PARTICLE).map((p) => p.text).filter((w) => w !== '');
  return words.length >= 2 ? words.sort().join(' ') : null;
}

/**
 * What a clearance stores of an identity: a SHA-256 of it bound to the alert, never the identity
 * itself. Bound to the alert so that the keys of one traveller on two alerts cannot be linked.
 * Names and birth dates are guessable, so this is pseudonymisation, not anonymisation: the rows are
 * only as confidential as the database (see docs/ARCHITECTURE.md, "Cleared travellers").
 */
export function clearanceKey(alertId: string, identity: string): string {
  return bytesToHex(sha256(utf8ToBytes(`crosscheck-clearance-v1\n${alertId}\n${identity}`)));
}

/** The keys a screening's traveller has on an alert (none when it gives neither a document with its state nor a full identity). */
export function clearanceKeysOf(probes: Pick<ScreenProbes, 'persons' | 'documents'>, alertId: string): string[] {
  return travellerIdentities(probes).map((identity) => clearanceKey(alertId, identity));
}
