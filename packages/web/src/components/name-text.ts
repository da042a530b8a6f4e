export type Name = { family?: string | undefined; given?: string | undefined; full?: string | undefined; script?: string | undefined };

/** A name as the record writes it: the original script when there is one, else "FAMILY, Given". */
export function nameText(n: Name): string {
  return n.full ?? [n.family, n.given].filter(Boolean).join(', ');
}
