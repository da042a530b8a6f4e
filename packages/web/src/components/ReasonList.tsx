import { reasonKey, type StoredReason } from '@crosscheck/core/reasons';
import { useI18n } from '../i18n/i18n.tsx';
import { reasonParts } from './reason-text.ts';

/**
 * Why a hit matched, one reason a line, in the officer's language. The names and numbers a reason
 * quotes keep their own direction (<bdi>) inside a right-to-left sentence; a reason stored as an
 * English sentence takes its direction from its text.
 */
export function ReasonList({ reasons }: { reasons: readonly StoredReason[] }) {
  const { t, language } = useI18n();
  return (
    <ul>
      {reasons.map((r, i) => (
        <li key={`${i}:${reasonKey(r)}`} {...(typeof r === 'string' ? { dir: 'auto' } : { 'data-reason': r.code })}>
          {reasonParts(r, t, language).map((p, j) => (typeof p === 'string' ? p : <bdi key={j}>{p.value}</bdi>))}
        </li>
      ))}
    </ul>
  );
}
