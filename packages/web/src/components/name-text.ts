export type Name = { family?: string | undefined; given?: string | undefined; full?: string | undefined; script?: string | undefined };

/**
 * A name as the record writes it: the original script when there is one, else "FAMILY, Given".
 * The core's `nameText` (alerts/alert-subject.ts), which the API's one-line label uses, restated
 * here because the page's main bundle must not load the core's root (zod): name-text.test.ts
 * holds the two equal.
 */
export function nameText(n: Name): string {
  return n.full ?? [n.family, n.given].filter(Boolean).join(', ');
}
