import type { Translation } from '../translation.ts';
import type { en } from './retroactive.ts';

export const es: Translation<typeof en> = {
  'retroactive.badge': 'Encontrada a posteriori',
  'retroactive.explain': 'La alerta se publicó después de este control; la coincidencia se encontró más tarde.',
  'retroactive.screenedAt': 'Controlado el {at}',
  'retroactive.screenedAtLabel': 'Viajero controlado',
  'retroactive.placeLabel': 'Lugar',
  'retroactive.flight': 'vuelo {flight}, {from} → {to}',
  'retroactive.flightDeparture': 'vuelo {flight}, {from} → {to}, salida {departure}',
  'retroactive.noPlace': 'en un control de {member}',
  'retroactive.unknownAirport': '?',
};
