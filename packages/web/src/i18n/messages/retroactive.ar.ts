import type { Translation } from '../translation.ts';
import type { en } from './retroactive.ts';

export const ar: Translation<typeof en> = {
  'retroactive.badge': 'وُجد بأثر رجعي',
  'retroactive.explain': 'نُشرت النشرة بعد هذا الفحص؛ ووُجد التطابق لاحقًا.',
  'retroactive.screenedAt': 'فُحص في {at}',
  'retroactive.screenedAtLabel': 'فحص المسافر',
  'retroactive.placeLabel': 'المكان',
  // The values are isolated (RetroactiveMark.tsx), so the line runs right to left: the arrow points left.
  'retroactive.flight': 'الرحلة {flight}، {from} ← {to}',
  'retroactive.flightDeparture': 'الرحلة {flight}، {from} ← {to}، المغادرة {departure}',
  'retroactive.noPlace': 'في فحص أجراه {member}',
  'retroactive.unknownAirport': '؟',
};
