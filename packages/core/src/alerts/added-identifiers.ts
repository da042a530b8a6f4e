import type { AlertInput } from './alert-schemas.js';

/**
 * What a screening can find an alert by, as comparable keys: each name (its parts), each
 * document (state and number), a vehicle's VIN and plate, each wallet address, and, for a kind
 * this function does not know field by field, the kind's whole record. Case and spacing are
 * ignored, so a correction of either adds nothing.
 */
export function identifiersOf(body: AlertInput): Set<string> {
  const keys = new Set<string>();
  const fold = (v: string | undefined) => (v ?? '').toUpperCase().replace(/\s+/g, ' ').trim();
  const add = (...parts: (string | undefined)[]) => keys.add(parts.map(fold).join('|'));
  if (body.kind === 'person') {
    for (const n of body.person.names) add('name', n.family, n.given, n.full);
    for (const d of body.person.documents ?? []) add('document', d.issuingState, d.number.replace(/\s+/g, ''));
    for (const w of body.person.walletAddresses ?? []) add('wallet', w.address);
  } else if (body.kind === 'document') {
    add('document', body.document.issuingState, body.document.number.replace(/\s+/g, ''));
  } else if (body.kind === 'vehicle') {
    if (body.vehicle.vin) add('vin', body.vehicle.vin);
    if (body.vehicle.plate) add('plate', body.vehicle.plateCountry, body.vehicle.plate.replace(/\s+/g, ''));
  } else {
    // A kind added later (assets…): any change of its record may make it findable by something new.
    const kind = (body as { kind: string }).kind;
    add(kind, JSON.stringify((body as unknown as Record<string, unknown>)[kind] ?? null));
  }
  return keys;
}

/**
 * Whether a change from `before` to `after` gave the alert something new to be found by (a name,
 * a document, a vehicle or wallet identifier): such a patch is screened against past screenings
 * like a new alert (hits after the fact, server app/retroactive/). A removal or a change of
 * anything else (remarks, dates, visibility) is not.
 */
export function addsIdentifiers(before: AlertInput, after: AlertInput): boolean {
  const old = identifiersOf(before);
  for (const key of identifiersOf(after)) if (!old.has(key)) return true;
  return false;
}
