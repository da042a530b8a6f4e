/**
 * The learned components of the matcher (fitted weights, a threshold, a classifier), each
 * reported in the scorecard with k-fold cross-validation on the labelled pairs of nomenklatura's
 * name benchmark (eval/cross-validate.ts), never scored on the pairs it was fitted on.
 *
 * None today: every weight and threshold of the matcher is set from rules and named tables. A
 * component fitted to labelled data is added here, its `score` on the persons' scale (a hit from
 * DEFAULT_THRESHOLD).
 */
import { DEFAULT_THRESHOLD } from '@crosscheck/core';
import { crossValidate, type LearnedComponent } from './cross-validate.js';
import { confusionOf, ratesOf, type Rates } from './metrics.js';
import type { LabelledPair } from './names.js';
import type { LearnedReport } from './quality-report.js';

export const LEARNED_COMPONENTS: readonly LearnedComponent<LabelledPair>[] = [];

export const FOLDS = 5;

/** What makes a pair the same pair in every run: its fold never changes. */
export const pairKey = (p: LabelledPair): string => `${p.schema}\u0000${p.query}\u0000${p.record}`;

/** Each component's out-of-fold precision, recall and F1 on the labelled pairs. */
export function evalLearned(pairs: readonly LabelledPair[], components: readonly LearnedComponent<LabelledPair>[] = LEARNED_COMPONENTS, k = FOLDS): { report: LearnedReport; rates: Rates }[] {
  return components.map((component) => {
    const scored = crossValidate(component, pairs, k, pairKey);
    return {
      report: { name: component.name, description: component.description, data: `nomenklatura name benchmark, ${pairs.length} pairs`, k },
      rates: ratesOf(confusionOf(scored.map((s) => ({ match: s.row.match, hit: s.score >= DEFAULT_THRESHOLD })))),
    };
  });
}
