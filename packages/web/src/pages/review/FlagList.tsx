import type { PreCheckFlag } from '@crosscheck/core';
import { MINIMUM_SENTENCE_YEARS, PRE_CHECK_CODES, type PreCheckCode } from '@crosscheck/core/constants';
import type { AlertItem } from '../../api/client.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

const KNOWN: readonly PreCheckCode[] = PRE_CHECK_CODES;

/** What the check found in this alert, in the reader's language; the server's English message when we have no better text. */
function found(t: Translate, flag: PreCheckFlag, alert: AlertItem): string {
  if (flag.word) return t('review.found.word', { word: flag.word });
  if (flag.code === 'sentence-below-minimum' && alert.kind === 'person' && alert.offence?.maxSentenceYears !== undefined) {
    return t('review.found.sentence', { years: alert.offence.maxSentenceYears, minimum: MINIMUM_SENTENCE_YEARS });
  }
  if (flag.code === 'refugee-from-requester') return t('review.found.refugee', { owner: alert.owner });
  return flag.message;
}

/** Each pre-check flag: what it is, what it found here, and why a reviewer should care. */
export function FlagList({ flags, alert }: { flags: PreCheckFlag[]; alert: AlertItem }) {
  const { t } = useI18n();
  if (flags.length === 0) return <p className="review-no-flags">{t('review.flagsNone')}</p>;
  return (
    <>
      <ul className="review-flags" data-testid="review-flags">
        {flags.map((f, i) => {
          const known = KNOWN.includes(f.code);
          return (
            <li key={`${f.code}-${f.word ?? i}`} className="review-flag">
              <strong>{known ? t(`review.flag.${f.code}`) : f.code}</strong>
              <p>
                <span dir="auto">{found(t, f, alert)}</span>
              </p>
              {known && (
                <p className="help">
                  {t('review.whyLabel')}
                  {t(`review.why.${f.code}`, { minimum: MINIMUM_SENTENCE_YEARS })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p className="help">{t('review.flagHint')}</p>
    </>
  );
}
