import type { Translation } from '../translation.ts';
import type { en } from './navigation.ts';

export const fr: Translation<typeof en> = {
  'navigation.notFound.title': 'Page introuvable',
  'navigation.notFound.body': 'Il n’y a pas de page à l’adresse {path}. L’adresse est peut-être mal saisie, ou la page a été déplacée.',
  'navigation.notAllowed.title': 'Page non ouverte à votre rôle',
  'navigation.notAllowed.body': 'La page {page} ({path}) n’est pas ouverte à votre rôle ({role}). Demandez à votre administrateur si vous en avez besoin.',
  'navigation.canOpen': 'Pages que vous pouvez ouvrir :',
};
