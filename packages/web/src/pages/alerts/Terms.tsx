import type { ReactNode } from 'react';
import { partialDate } from '../../i18n/dates.ts';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { formatMessage, messageText } from '../../i18n/format-message.ts';
import type { Translate } from '../../i18n/i18n.tsx';

/** One term of a description list, left out when the alert does not give it: the page shows what the alert holds, no empty rows. */
export function Term({ term, children, testId, dir }: { term: string; children: ReactNode; testId?: string; dir?: 'ltr' | 'auto' }) {
  if (children === undefined || children === null || children === '' || children === false) return null;
  return (
    <>
      <dt>{term}</dt>
      {/* The direction goes on the value, not the cell, so a Latin value still sits at the start of an Arabic row. */}
      <dd data-testid={testId}>{dir ? <span dir={dir}>{children}</span> : children}</dd>
    </>
  );
}

/** A date an alert gives, which may be partial: see dates.ts. */
export const partialDay = partialDate;

/** Codes of states, as the record gives them (ICAO / ISO 3166 alpha-3): joined, kept left to right. */
export const codeList = (codes: readonly string[] | undefined): string | undefined => (codes && codes.length > 0 ? codes.join(', ') : undefined);

/** A text with grammar (ICU plural or select, such as "12 years" or "Stolen on"), as one string in the reader's language. */
export function grammar(t: Translate, language: string, key: MessageKey, args: Record<string, string | number>): string {
  return messageText(formatMessage(t(key), args, new Intl.PluralRules(language)));
}
