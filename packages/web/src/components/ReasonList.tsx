import { reasonKey, type StoredReason } from '@crosscheck/core/reasons';
import { useI18n } from '../i18n/i18n.tsx';
import { reasonParts } from './reason-text.ts';

/**
 * Why a hit matched, one reason a line, in the officer's language. What a reason quotes (names as
 * crosscheck romanised them, dates, document numbers) reads left to right, also inside an Arabic
 * sentence: an isolate set to ltr keeps 1942-06-07 from turning into 07-06-1942. A reason stored as
 * an English sentence takes its direction from its text.
 */
export function ReasonList({ reasons }: { reasons: readonly StoredReason[] }) {
  const { t, language } = useI18n();
  return (
    <ul>
      {reasons.map((r, i) => (
        <li key={`${i}:${reasonKey(r)}`} {...(typeof r === 'string' ? { dir: 'auto' } : { 'data-reason': r.code })}>
          {reasonParts(r, t, language).map((p, j) => (typeof p === 'string' ? p : <bdi key={j} dir="ltr">{p.value}</bdi>))}
        </li>
      ))}
    </ul>
  );
}
