import type { Translation } from '../translation.ts';
import type { en } from './navigation.ts';

export const es: Translation<typeof en> = {
  'navigation.notFound.title': 'Página no encontrada',
  'navigation.notFound.body': 'No hay ninguna página en {path}. Puede que la dirección esté mal escrita o que la página se haya movido.',
  'navigation.notAllowed.title': 'No disponible para su rol',
  'navigation.notAllowed.body': 'La página {page} ({path}) no está disponible para su rol ({role}). Pida acceso a su administrador si la necesita.',
  'navigation.canOpen': 'Páginas que puede abrir:',
};
