import type { AlertInput } from '@crosscheck/core';

/** The category column of an alert, from its body: person and asset alerts have one (a discreet check is either). */
export const categoryOf = (input: AlertInput): string | null => (input.kind === 'person' || input.kind === 'asset' ? input.category : null);

/**
 * A stored alert body (a JSON column of `alerts` or `alert_versions`), decoded, with the two facts
 * `alertAccess` weighs that a kept version holds only in its body: the current row has them as
 * columns, a past version does not.
 */
export interface DecodedBody {
  body: AlertInput;
  category: string | null;
  hiddenFromFrontline: boolean;
}

/** Every body stored was validated by `alertInputSchema` before it was written. */
export const parseAlertBody = (json: string): AlertInput => JSON.parse(json) as AlertInput;

export function decodeAlertBody(json: string): DecodedBody {
  const body = parseAlertBody(json);
  return { body, category: categoryOf(body), hiddenFromFrontline: body.hiddenFromFrontline === true };
}
