import { useState } from 'react';
import { auditApi } from '../api/audit.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { useResource } from '../data/use-resource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AuditFilterForm, EMPTY_FORM, toFilters, type FilterForm } from './audit/AuditFilterForm.tsx';
import { AuditTable } from './audit/AuditTable.tsx';
import { VerifyChain } from './audit/VerifyChain.tsx';
import './audit.css';

const PAGE_SIZE = 50;

/** What was asked: the filters, where the trail starts (a broken entry), and which asking (the same filters applied again read again). */
interface Query {
  filters: FilterForm;
  from: string | undefined;
  run: number;
}

/**
 * The audit trail (auditors): the entries the caller's member may see, filtered and paged, and
 * the verification of the whole hash chain. Which entries an auditor sees is the server's rule.
 */
export function AuditPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<Query>({ filters: EMPTY_FORM, from: undefined, run: 0 });
  // A new form (cleared, or set from a broken entry) remounts the filter form with its values.
  const [formKey, setFormKey] = useState(0);
  const filters = toFilters(query.filters);
  const entries = useResource(`audit:${JSON.stringify(filters)}:${query.from ?? ''}:${query.run}`, (signal) => auditApi.list(filters, PAGE_SIZE, query.from, signal));

  const apply = (f: FilterForm) => setQuery((q) => ({ filters: f, from: undefined, run: q.run + 1 }));

  // From a broken entry: the whole trail starting at that entry, going back in time.
  const showEntry = (seq: number) => {
    setFormKey((k) => k + 1);
    setQuery((q) => ({ filters: EMPTY_FORM, from: String(seq + 1), run: q.run + 1 }));
  };

  const showMore = () =>
    entries.more(async (shown, signal) => {
      const page = await auditApi.list(filters, PAGE_SIZE, shown.next ?? undefined, signal);
      return { items: [...shown.items, ...page.items], next: page.next };
    });

  return (
    <div className="audit">
      <h1>{t('audit.title')}</h1>
      <p className="help">{t('audit.intro')}</p>
      <VerifyChain onShowEntry={showEntry} />
      <AuditFilterForm key={formKey} initial={query.filters} onApply={apply} />

      <ResourceView resource={entries} failed={(detail) => t('audit.failed', { detail })} isEmpty={(page) => page.items.length === 0} empty={t('audit.empty')} testId="audit">
        {(page) => (
          <>
            <p role="status">{t('audit.caption', { count: page.items.length })}</p>
            <AuditTable items={page.items} />
            {page.next && (
              <button type="button" className="audit-more" disabled={entries.pending === 'more'} onClick={showMore}>
                {entries.pending === 'more' ? t('common.loading') : t('audit.more')}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}
