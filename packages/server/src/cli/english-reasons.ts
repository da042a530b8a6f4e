import { reasonText, type StoredReason } from '@crosscheck/core';

/**
 * Screening results as the CLI writes them: the API's reason codes become English sentences,
 * the only language the CLI speaks. Results without reasons (a discreet check) pass unchanged.
 */
export function withEnglishReasons<H extends object>(hits: readonly H[]): (H | (Omit<H, 'reasons'> & { reasons: string[] }))[] {
  return hits.map((h) => {
    const reasons = (h as { reasons?: readonly StoredReason[] }).reasons;
    return reasons === undefined ? h : { ...h, reasons: reasons.map(reasonText) };
  });
}
