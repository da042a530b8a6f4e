import { DEFAULT_THRESHOLD, nameScore, normaliseNationality, type PersonFacts } from '../names/index.js';

/** Where the person the officer typed and the holder the MRZ names disagree. */
export interface HolderDiffersWarning {
  code: 'mrz.holder-differs';
  message: string;
  field: 'names' | 'birthDate' | 'sex' | 'nationality';
  /** What was typed, and what the zone reads (names joined by "; "). */
  typed: string;
  read: string;
}

/** What the two sides say, with the text each was given as, for the warning. */
export interface StatedPerson {
  facts: PersonFacts;
  /** The names as given (typed, or the zone's surname and given names). */
  namesText: string;
  nationalityText?: string;
}

// "1974" agrees with "1974-08-12": one is the other told with less precision.
const datesAgree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
// X (unspecified, also what the zone's `<` reads as) and U (unknown) say nothing to disagree with.
const told = (sex: string | undefined) => (sex === 'M' || sex === 'F' ? sex : undefined);

/**
 * The facts on which the typed person and the MRZ holder disagree: a name that would not match
 * (no typed name scores a hit against the zone's), birth dates that cannot be the same day, sexes,
 * nationalities. Both are screened either way; this tells the officer that the document may not
 * be the traveller's, or that the typing is wrong. A fact missing on either side is no conflict.
 */
export function holderDifferences(typed: StatedPerson, holder: StatedPerson): HolderDiffersWarning[] {
  const out: HolderDiffersWarning[] = [];
  const differs = (field: HolderDiffersWarning['field'], a: string, b: string) =>
    out.push({ code: 'mrz.holder-differs', field, typed: a, read: b, message: `the person typed and the MRZ holder differ in ${field}: typed ${a}, the zone reads ${b}` });
  const [zoneName] = holder.facts.names;
  if (zoneName && !typed.facts.names.some((n) => nameScore(n, zoneName) >= DEFAULT_THRESHOLD)) differs('names', typed.namesText, holder.namesText);
  const [a, b] = [typed.facts.birthDate, holder.facts.birthDate];
  if (a && b && !datesAgree(a, b)) differs('birthDate', a, b);
  const [sa, sb] = [told(typed.facts.sex), told(holder.facts.sex)];
  if (sa && sb && sa !== sb) differs('sex', sa, sb);
  const [na, nb] = [typed.facts.nationalities?.[0], holder.facts.nationalities?.[0]];
  if (na && nb && normaliseNationality(na) !== normaliseNationality(nb)) differs('nationality', typed.nationalityText ?? na, holder.nationalityText ?? nb);
  return out;
}
