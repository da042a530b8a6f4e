import type { Translation } from '../translation.ts';
import type { en } from './navigation.ts';

export const ar: Translation<typeof en> = {
  'navigation.notFound.title': 'الصفحة غير موجودة',
  'navigation.notFound.body': 'لا توجد صفحة على العنوان {path}. ربما كُتب العنوان خطأً، أو نُقلت الصفحة.',
  'navigation.notAllowed.title': 'غير متاحة لدورك',
  'navigation.notAllowed.body': 'الصفحة {page} ({path}) غير متاحة لدورك ({role}). اطلبها من المسؤول إذا كنت تحتاج إليها.',
  'navigation.canOpen': 'الصفحات التي يمكنك فتحها:',
};
