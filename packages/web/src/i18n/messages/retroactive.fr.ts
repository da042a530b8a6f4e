import type { Translation } from '../translation.ts';
import type { en } from './retroactive.ts';

export const fr: Translation<typeof en> = {
  'retroactive.badge': 'Trouvée après coup',
  'retroactive.explain': 'Le signalement a été publié après ce contrôle ; la concordance a été trouvée ensuite.',
  'retroactive.screenedAt': 'Contrôlé le {at}',
  'retroactive.screenedAtLabel': 'Voyageur contrôlé',
  'retroactive.placeLabel': 'Lieu',
  'retroactive.flight': 'vol {flight}, {from} → {to}',
  'retroactive.flightDeparture': 'vol {flight}, {from} → {to}, départ le {departure}',
  'retroactive.noPlace': 'lors d’un contrôle par {member}',
  'retroactive.unknownAirport': '?',
};
