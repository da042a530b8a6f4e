/** Hits found after the fact: a new alert screened against a past screening. */
/* English, the reference: the other languages (retroactive.fr.ts, .es.ts, .ar.ts) must have exactly these keys. */
export const en = {
  'retroactive.badge': 'Found after the fact',
  'retroactive.explain': 'The alert was published after this screening; the hit was found later.',
  'retroactive.screenedAt': 'Screened {at}',
  'retroactive.screenedAtLabel': 'Traveller screened',
  'retroactive.placeLabel': 'Where',
  'retroactive.flight': 'flight {flight}, {from} → {to}',
  'retroactive.flightDeparture': 'flight {flight}, {from} → {to}, departing {departure}',
  'retroactive.noPlace': 'at a screening by {member}',
  'retroactive.unknownAirport': '?',
};
