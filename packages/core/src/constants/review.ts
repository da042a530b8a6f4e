// What the review pre-checks (review/pre-checks.ts) can flag; the web names each in its language.

export const PRE_CHECK_CODES = ['political', 'military', 'religious', 'racial', 'excluded-offence', 'sentence-below-minimum', 'refugee-from-requester'] as const;
export type PreCheckCode = (typeof PRE_CHECK_CODES)[number];

/** INTERPOL's red-notice threshold: an offence punishable by at least two years. */
export const MINIMUM_SENTENCE_YEARS = 2;
