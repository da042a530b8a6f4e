import { useCallback, useEffect, useRef, useState } from 'react';
import { auditApi, type AuditEntry } from '../api/audit.ts';
import { failure } from '../i18n/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AuditFilterForm, EMPTY_FORM, toFilters, type FilterForm } from './audit/AuditFilterForm.tsx';
import { AuditTable } from './audit/AuditTable.tsx';
import { VerifyChain } from './audit/VerifyChain.tsx';
import './audit.css';

const PAGE_SIZE = 50;

type Entries =
  | { state: 'loading' }
  | { state: 'ready'; items: AuditEntry[]; next: string | null; more: boolean }
  | { state: 'failed'; message: string; items: AuditEntry[] };

/**
 * The audit trail (auditors): the entries the caller's member may see, filtered and paged, and
 * the verification of the whole hash chain. Which entries an auditor sees is the server's rule.
 */
export function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<FilterForm>(EMPTY_FORM);
  // A new form (cleared, or set from a broken entry) remounts the filter form with its values.
  const [formKey, setFormKey] = useState(0);
  const [entries, setEntries] = useState<Entries>({ state: 'loading' });
  const [from, setFrom] = useState<string | undefined>(undefined);
  const tRef = useRef(t);
  tRef.current = t;

  const load = useCallback(async (f: FilterForm, cursor?: string, previous: AuditEntry[] = []) => {
    setEntries(previous.length > 0 ? { state: 'ready', items: previous, next: null, more: true } : { state: 'loading' });
    try {
      const page = await auditApi.list(toFilters(f), PAGE_SIZE, cursor);
      setEntries({ state: 'ready', items: [...previous, ...page.items], next: page.next, more: false });
    } catch (e) {
      setEntries({ state: 'failed', message: failure(tRef.current, e), items: previous });
    }
  }, []);

  useEffect(() => {
    void load(EMPTY_FORM);
  }, [load]);

  const apply = (f: FilterForm) => {
    setFilters(f);
    setFrom(undefined);
    void load(f);
  };

  // From a broken entry: the whole trail starting at that entry, going back in time.
  const showEntry = (seq: number) => {
    const start = String(seq + 1);
    setFilters(EMPTY_FORM);
    setFormKey((k) => k + 1);
    setFrom(start);
    void load(EMPTY_FORM, start);
  };

  const retry = () => {
    const previous = entries.state === 'failed' ? entries.items : [];
    const cursor = previous.length > 0 ? String(previous[previous.length - 1]!.seq) : from;
    void load(filters, cursor, previous);
  };

  return (
    <div className="audit">
      <h1>{t('audit.title')}</h1>
      <p className="help">{t('audit.intro')}</p>
      <VerifyChain onShowEntry={showEntry} />
      <AuditFilterForm key={formKey} initial={filters} onApply={apply} />

      {entries.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {entries.state !== 'loading' && entries.items.length > 0 && (
        <>
          <p role="status">{t('audit.caption', { count: entries.items.length })}</p>
          <AuditTable items={entries.items} />
        </>
      )}
      {entries.state === 'ready' && entries.items.length === 0 && (
        <p className="empty" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      )}
      {entries.state === 'failed' && (
        <div role="alert" className="error">
          <p>{t('audit.failed', { detail: entries.message })}</p>
          <button type="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {entries.state === 'ready' && entries.next && (
        <button type="button" className="audit-more" disabled={entries.more} onClick={() => void load(filters, entries.next!, entries.items)}>
          {entries.more ? t('common.loading') : t('audit.more')}
        </button>
      )}
    </div>
  );
}
