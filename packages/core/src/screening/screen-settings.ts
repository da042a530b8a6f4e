import { DomainError, type FieldProblem } from '../errors/domain-error.js';
import { DEFAULT_THRESHOLD, type EvidenceWeights } from '../names/score-person.js';
import type { ScreenQuery } from './screen-query.js';

/**
 * What a screening request may set for itself, as yente's users asked: the score from which a
 * result is a hit, and how much birth date, nationality and sex count (a weight multiplies the
 * evidence's measured adjustment: 1 as measured, 0 ignores it, 2 counts it double). The operator
 * bounds both (config.ts); the defaults are the measured ones (DEFAULT_THRESHOLD, weights 1).
 */
export interface ScreenSettings {
  threshold: number;
  weights: Required<EvidenceWeights>;
}

export interface ScreenSettingsBounds {
  threshold: { min: number; max: number };
  /** One range for every evidence weight. */
  weight: { min: number; max: number };
}

export const DEFAULT_EVIDENCE_WEIGHTS: Readonly<Required<EvidenceWeights>> = { birthDate: 1, nationality: 1, sex: 1 };

/**
 * The bounds when the operator sets none: a request may make hits rarer up to 0.95, and more
 * frequent down to 0.6 (below, a pair of names sharing one common word, capped at 0.5 plus a
 * little evidence, would start to be a hit); a weight from 0 (ignored) to 2 (double).
 */
export const DEFAULT_SCREEN_SETTINGS_BOUNDS: Readonly<ScreenSettingsBounds> = { threshold: { min: 0.6, max: 0.95 }, weight: { min: 0, max: 2 } };

/** The settings a query asks for, with the defaults for what it leaves out. */
export function screenSettingsOf(query: Pick<ScreenQuery, 'threshold' | 'weights'>): ScreenSettings {
  return { threshold: query.threshold ?? DEFAULT_THRESHOLD, weights: { ...DEFAULT_EVIDENCE_WEIGHTS, ...query.weights } };
}

/** Did the query change anything (what the audit entry then says)? */
export function hasOwnSettings(query: Pick<ScreenQuery, 'threshold' | 'weights'>): boolean {
  return query.threshold !== undefined || (query.weights !== undefined && Object.keys(query.weights).length > 0);
}

/**
 * Holds a query's own settings to the operator's bounds: a validation error (422) naming each
 * field outside them and the bounds. `root` prefixes the field (a batch's item).
 */
export function checkScreenSettings(query: Pick<ScreenQuery, 'threshold' | 'weights'>, bounds: ScreenSettingsBounds, root = ''): void {
  const problems: FieldProblem[] = [];
  const at = (field: string) => (root === '' ? field : `${root}.${field}`);
  const check = (field: string, value: number | undefined, range: { min: number; max: number }) => {
    if (value !== undefined && (value < range.min || value > range.max)) {
      problems.push({ field: at(field), message: `${at(field)} must be from ${range.min} to ${range.max} on this server (the operator's bounds); it is ${value}`, code: 'out-of-bounds', bounds: { min: range.min, max: range.max } });
    }
  };
  check('threshold', query.threshold, bounds.threshold);
  for (const key of ['birthDate', 'nationality', 'sex'] as const) check(`weights.${key}`, query.weights?.[key], bounds.weight);
  if (problems.length > 0) throw new DomainError('validation', 'screening.setting-out-of-bounds', problems[0]!.message, problems);
}
