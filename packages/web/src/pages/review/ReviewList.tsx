import type { ReviewItem } from '../../api/review.ts';
import { dateTime } from '../../i18n/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { kindLabel, offenceText, subject } from './alert-text.ts';

/** The queue, oldest first; each row opens the alert (Enter or click). */
export function ReviewList({ items, onOpen }: { items: ReviewItem[]; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  return (
    <ol className="review-list" data-testid="review-list">
      {items.map((item) => {
        const a = item.alert;
        const offence = offenceText(a);
        return (
          <li key={a.id}>
            <button type="button" className="review-row" data-testid="review-row" data-alert-id={a.id} onClick={() => onOpen(a.id)}>
              <span className="review-row-head">
                <span className="badge">{kindLabel(t, a)}</span> <span dir="auto" className="review-names">{subject(a)}</span>
                {item.previousRejection && (
                  <>
                    {' '}
                    <span className="badge warn">{t('review.resubmittedBadge')}</span>
                  </>
                )}
              </span>
              {offence && (
                <span className="review-offence" dir="auto">
                  {offence}
                </span>
              )}
              <span className="meta">
                {t('review.from', { owner: a.owner })} · {t('review.submitted', { when: dateTime(language, item.submittedAt) })} ·{' '}
                {item.flags.length > 0 ? <span className="badge warn">{t('review.flagCount', { count: item.flags.length })}</span> : t('review.noFlags')}
              </span>
              {item.flags.length > 0 && (
                <span className="review-flag-codes">{item.flags.map((f) => (f.word ? `${t(`review.flag.${f.code}`)} (“${f.word}”)` : t(`review.flag.${f.code}`))).join(' · ')}</span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
