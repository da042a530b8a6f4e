import type { Translation } from '../translation.ts';
import type { en } from './carrier.ts';

export const ar: Translation<typeof en> = {
  'carrier.origin': 'تحقق من ناقل',
  'carrier.originLabel': 'المصدر',
  'carrier.originDetail': 'تحقق مفتاح ناقل من وثيقة السفر هذه قبل الصعود، ولم يُبلَّغ الناقل إلا بإحالة المسافر إلى السلطات.',
};
