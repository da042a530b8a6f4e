import type { ScreeningWarningView } from '@crosscheck/core/api';
import { calendarDay } from '../i18n/dates.ts';
import { isMessageKey } from '../i18n/dictionary.ts';
import type { Translate } from '../i18n/i18n.tsx';

/** An MRZ or person field named in words; a check digit's field as "check digit of the …". */
export function fieldText(t: Translate, field: string): string {
  const checkDigit = /^(.*)CheckDigit$/.exec(field);
  if (checkDigit) return t('screening.field.checkDigit', { field: fieldText(t, checkDigit[1]!) });
  const key = `screening.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** A screening warning (core's coded warnings: the MRZ document's state, a holder who differs, an unchecked wallet address) in the officer's language. */
export function warningText(t: Translate, language: string, w: ScreeningWarningView): string {
  switch (w.code) {
    case 'mrz.expired':
    case 'mrz.not-yet-valid':
      return t(`screening.warning.${w.code}`, { date: calendarDay(language, w.date) });
    case 'mrz.check-digit':
      return t('screening.warning.mrz.check-digit', { checks: w.checks.map((c) => fieldText(t, c)).join(', ') });
    case 'mrz.ocr-suggestion':
      return t('screening.warning.mrz.ocr-suggestion', { field: fieldText(t, w.field), from: w.from, to: w.to });
    case 'mrz.unknown-state':
    case 'mrz.specimen-state':
      return t(`screening.warning.${w.code}`, { field: fieldText(t, w.field), state: w.state });
    case 'mrz.holder-differs':
    {
      // Full dates in words; a year or a month alone as given.
      const value = (v: string) => (w.field === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? calendarDay(language, v) : v);
      return t('screening.warning.mrz.holder-differs', { field: fieldText(t, w.field), typed: value(w.typed), read: value(w.read) });
    }
    case 'wallet.no-checksum':
      return t('screening.warning.wallet.no-checksum', { address: w.address });
  }
}
