import type { Translation } from '../translation.ts';
import type { en } from './carrier.ts';

export const fr: Translation<typeof en> = {
  'carrier.origin': 'Contrôle par un transporteur',
  'carrier.originLabel': 'Origine',
  'carrier.originDetail': 'La clé d’un transporteur a vérifié ce document de voyage avant l’embarquement ; le transporteur a seulement reçu l’instruction d’orienter le voyageur vers les autorités.',
};
