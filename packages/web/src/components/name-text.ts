/** A person's name as the page shows it: the core's rule (alerts/alert-subject.ts), the same as the API's one-line label. */
export { nameText } from '@crosscheck/core';

export type Name = { family?: string | undefined; given?: string | undefined; full?: string | undefined; script?: string | undefined };
