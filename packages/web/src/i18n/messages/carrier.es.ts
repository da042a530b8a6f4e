import type { Translation } from '../translation.ts';
import type { en } from './carrier.ts';

export const es: Translation<typeof en> = {
  'carrier.origin': 'Control de un transportista',
  'carrier.originLabel': 'Origen',
  'carrier.originDetail': 'La clave de un transportista verificó este documento de viaje antes del embarque; al transportista solo se le indicó remitir al viajero a las autoridades.',
};
