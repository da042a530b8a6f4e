/** What a screening request screens: the `kind` label of the screening metrics. */
export type ScreeningKind = 'person' | 'document' | 'vehicle' | 'wallet' | 'batch' | 'flight';

/**
 * The kind of a request to a screening route, from its route pattern and (for a single screening)
 * the fields its body holds; null for any other route. A query may name several things (a
 * traveller with a passport): a typed person decides first, since fuzzy name search is what
 * costs, so its latency is not averaged away among exact look-ups; then a document (typed, or
 * read from an MRZ at a gate), a vehicle, a wallet. Only field names are read, never their values,
 * so nothing of the query can reach a label.
 */
export function screeningKindOf(route: string | undefined, body: unknown): ScreeningKind | null {
  if (route === '/api/v1/screen/batch') return 'batch';
  if (route === '/api/v1/screen/flight') return 'flight';
  if (route !== '/api/v1/screen') return null;
  if (typeof body !== 'object' || body === null) return null;
  const has = (field: string) => (body as Record<string, unknown>)[field] !== undefined;
  if (has('person')) return 'person';
  if (has('documents') || has('mrz')) return 'document';
  if (has('vehicle')) return 'vehicle';
  if (has('walletAddress')) return 'wallet';
  return null;
}
