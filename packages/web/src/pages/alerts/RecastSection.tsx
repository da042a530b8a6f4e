import type { AlertItem } from '../../api/client.ts';
import { RecastFacts } from '../../components/RecastFacts.tsx';
import { label } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Term } from './Terms.tsx';

type PersonAlert = Extract<AlertItem, { kind: 'person' }>;

/**
 * Why an SIS recast alert exists, in place of "why wanted": a return decision's dates, an inquiry
 * check's questions, or whom a preventive alert protects (in the protective green, not the wanted
 * red). The category is said in words.
 */
export function RecastSection({ alert: a }: { alert: PersonAlert }) {
  const { t } = useI18n();
  return (
    <section className={`card alert-section ${a.category === 'preventive' ? 'hit protective' : ''}`} aria-labelledby="alert-recast-title" data-testid="alert-recast">
      <h2 id="alert-recast-title">{label(t, 'category', a.category)}</h2>
      <dl>
        <Term term={t('alerts.category')} testId="alert-category">
          {label(t, 'category', a.category)}
        </Term>
      </dl>
      <RecastFacts sections={a} />
    </section>
  );
}
