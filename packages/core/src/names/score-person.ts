import type { MatchReason } from '../reasons/match-reason.js';
import { compareNames, nameScore, round, weighedNameScore } from './compare-names.js';
import { birthDateDelta, birthDateEvidence, documentEvidence, nationalityDelta, nationalityEvidence, sexDelta, sexEvidence, type Evidence } from './evidence.js';
import type { PreparedName } from './prepare-name.js';
import { commonNameFactor } from './word-information.js';

/** What is known of a person on either side of a screening. */
export interface PersonFacts {
  names: PreparedName[];
  /**
   * Names of `names` that are weak aliases (the UN list's "low quality" aliases: a nickname, a
   * name shared by many): they still find the person, but count as weaker evidence.
   */
  weakNames?: ReadonlySet<PreparedName>;
  /** YYYY, YYYY-MM or YYYY-MM-DD (sloppy forms such as 1965-7-16 are read too). */
  birthDate?: string;
  /** Further dates a list gives ("alt. DOB"): the one that agrees best counts. */
  otherBirthDates?: string[];
  sex?: 'M' | 'F' | 'X' | 'U';
  /** ISO 3166 alpha-3 (alpha-2 is read too). */
  nationalities?: string[];
  documents?: string[];
}

/** A hit is a score at or above this. */
export const DEFAULT_THRESHOLD = 0.7;

/**
 * What a match on a weak alias loses: an identical weak alias alone scores 0.65, under the default
 * threshold, and becomes a hit with a birth date that agrees (+0.12) or other evidence.
 */
const WEAK_ALIAS_PENALTY = 0.35;

/** A shared document number lifts the score at least this far: the same passport is near proof. */
const DOCUMENT_FLOOR = 0.9;

export interface PersonComparison {
  score: number;
  reasons: MatchReason[];
}

export interface ScorePersonOptions {
  /**
   * Below this score the reasons are not written (reasons: []) and the names may not be compared
   * at all, when the other evidence already rules the pair out: then `score` is only an upper
   * bound. Candidates that will be dropped cost less.
   */
  floor?: number;
  /**
   * False to compare the names by likeness alone, without weighing common words or weak aliases:
   * for identity links, whose own rule (the same name and the same full birth date) already asks
   * for the other evidence. Default true.
   */
  weighNames?: boolean;
  /** Multipliers of the birth date, nationality and sex adjustments (a request's own settings); 1 each by default. */
  weights?: EvidenceWeights;
}

/** How much each kind of evidence counts: its measured adjustment times this (absent: 1). */
export interface EvidenceWeights {
  birthDate?: number;
  nationality?: number;
  sex?: number;
}

/**
 * The best name pair across all names and aliases of both sides, then the evidence of birth date,
 * sex, nationality and documents raising or lowering it. Short and common names are meant to be
 * separated by this evidence, not by a higher name threshold.
 */
export function scorePerson(query: PersonFacts, record: PersonFacts, options: ScorePersonOptions = {}): PersonComparison {
  // The evidence first, as numbers: it is cheap, and when it alone keeps even a perfect name
  // under the floor, the names (most of the cost) need not be compared.
  const delta = evidenceDelta(query, record, options.weights);
  const document = documentEvidence(query.documents, record.documents);
  if (options.floor !== undefined && document === null && round(1 + delta) < options.floor) return { score: round(1 + delta), reasons: [] };

  let best = -1;
  let bestQ: PreparedName | undefined;
  let bestR: PreparedName | undefined;
  const weigh = options.weighNames !== false;
  for (const q of query.names) {
    for (const r of record.names) {
      // A match resting only on common words (MOHAMMED ALI) needs other evidence to be a hit.
      let s = weigh ? weighedNameScore(q, r) : nameScore(q, r);
      if (weigh && record.weakNames?.has(r) === true) s *= 1 - WEAK_ALIAS_PENALTY;
      if (s > best) {
        best = s;
        bestQ = q;
        bestR = r;
      }
    }
  }
  let score = (bestQ ? best : 0) + delta;
  if (document !== null) score = Math.max(score, DOCUMENT_FLOOR) + 0.05;
  score = round(score);
  if (options.floor !== undefined && score < options.floor) return { score, reasons: [] };

  // Only a result kept is explained: its best name pair is aligned once more, for its words.
  const names = bestQ && bestR ? compareNames(bestQ, bestR) : null;
  const reasons: MatchReason[] = names ? names.reasons : [{ code: 'name.none' }];
  if (weigh && names && commonNameFactor(names.bits) < COMMON_REASON_BELOW) reasons.push({ code: 'name.common-words' });
  if (weigh && bestR && record.weakNames?.has(bestR) === true) reasons.push({ code: 'name.weak-alias', name: bestR.tokens.join(' ') });
  for (const e of [bestBirthDateEvidence(query, record), sexEvidence(query.sex, record.sex), nationalityEvidence(query.nationalities, record.nationalities)]) {
    if (e !== null) reasons.push(e.reason);
  }
  if (document !== null) reasons.push({ code: 'document.shared', number: document });
  return { score, reasons };
}

/** Below this factor the hit says that the names in common are common ones (it cost a few hundredths). */
const COMMON_REASON_BELOW = 0.97;

/** The sum of the adjustments of birth date, sex and nationality, allocating nothing. */
function evidenceDelta(query: PersonFacts, record: PersonFacts, weights: EvidenceWeights | undefined): number {
  return (bestBirthDateDelta(query, record) ?? 0) * (weights?.birthDate ?? 1) + (sexDelta(query.sex, record.sex) ?? 0) * (weights?.sex ?? 1) + (nationalityDelta(query.nationalities, record.nationalities) ?? 0) * (weights?.nationality ?? 1);
}

/** What the best-agreeing pair of birth dates adds to the score (run for every candidate). */
function bestBirthDateDelta(query: PersonFacts, record: PersonFacts): number | null {
  if (!query.otherBirthDates?.length && !record.otherBirthDates?.length) return birthDateDelta(query.birthDate, record.birthDate);
  const pair = bestDatePair(query, record);
  return pair ? birthDateDelta(pair[0], pair[1]) : null;
}

/** The same pair's evidence with its words, for hits only. */
function bestBirthDateEvidence(query: PersonFacts, record: PersonFacts): Evidence | null {
  const pair = bestDatePair(query, record);
  return pair ? birthDateEvidence(pair[0], pair[1]) : null;
}

// Dates compared per side: a list never gives more than a handful (ranges are expanded up to 16 years).
const MAX_DATES = 50;

/** Of every pair of the two sides' birth dates (a list gives "alt. DOB"s), the one that agrees best. */
function bestDatePair(query: PersonFacts, record: PersonFacts): [string | undefined, string | undefined] | null {
  if (!query.otherBirthDates?.length && !record.otherBirthDates?.length) return [query.birthDate, record.birthDate];
  let best: number | null = null;
  let bestA: string | undefined;
  let bestB: string | undefined;
  for (let i = -1; i < Math.min(query.otherBirthDates?.length ?? 0, MAX_DATES); i++) {
    const a = i < 0 ? query.birthDate : query.otherBirthDates![i];
    for (let j = -1; j < Math.min(record.otherBirthDates?.length ?? 0, MAX_DATES); j++) {
      const b = j < 0 ? record.birthDate : record.otherBirthDates![j];
      const d = birthDateDelta(a, b);
      if (d !== null && (best === null || d > best)) {
        best = d;
        bestA = a;
        bestB = b;
      }
    }
  }
  return best === null ? null : [bestA, bestB];
}
