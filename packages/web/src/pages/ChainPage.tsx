import { rolesWith } from '@crosscheck/core/constants';
import { useCallback, useState } from 'react';
import { chainApi, NO_FINDING_FILTERS, type Finding, type FindingFilters } from '../api/chain.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { useResource } from '../data/use-resource.ts';
import { formatMessage, messageText } from '../i18n/format-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { ChainFilterForm } from './chain/ChainFilterForm.tsx';
import { FindingCard } from './chain/FindingCard.tsx';
import './chain.css';

const PAGE_SIZE = 25;

/**
 * Data found written into Bitcoin, for analysts and bureaus: filtered by method, kind of content,
 * status, matches, transaction or fingerprint, each finding with where and how it was carried.
 * Content is only ever fetched on an explicit reveal, by the roles allowed to see it.
 */
export function ChainPage({ me }: PageProps) {
  const { t, language } = useI18n();
  // Each applying reads again, even with the same filters (a scan may have added findings).
  const [query, setQuery] = useState({ filters: NO_FINDING_FILTERS, run: 0 });
  const filters = query.filters;
  const findings = useResource(`chain:${JSON.stringify(filters)}:${query.run}`, (signal) => chainApi.list(filters, PAGE_SIZE, undefined, signal));
  const mayReveal = rolesWith('chain.reveal').includes(me.role);
  const mayDecideRole = rolesWith('chain.manage').includes(me.role);

  const showMore = () =>
    findings.more(async (shown, signal) => {
      const page = await chainApi.list(filters, PAGE_SIZE, shown.next ?? undefined, signal);
      return { items: [...shown.items, ...page.items], next: page.next };
    });

  const { mutate } = findings;
  const onChanged = useCallback((changed: Finding) => mutate((page) => ({ ...page, items: page.items.map((f) => (f.id === changed.id ? changed : f)) })), [mutate]);

  return (
    <div className="chain">
      <h1>{t('chain.title')}</h1>
      <p className="help">{t('chain.intro')}</p>
      <ChainFilterForm initial={filters} onApply={(f) => setQuery((q) => ({ filters: f, run: q.run + 1 }))} />
      <ResourceView resource={findings} failed={(detail) => t('chain.failed', { detail })} isEmpty={(page) => page.items.length === 0} empty={t('chain.empty')} testId="chain">
        {(page) => (
          <>
            <p role="status" data-testid="chain-caption">
              {messageText(formatMessage(t('chain.caption'), { count: page.items.length }, new Intl.PluralRules(language)))}
            </p>
            <div className="finding-list" data-testid="finding-list">
              {page.items.map((f) => (
                <FindingCard key={f.id} finding={f} mayReveal={mayReveal} mayDecide={mayDecideRole && f.owner === me.member} onChanged={onChanged} />
              ))}
            </div>
            {page.next && (
              <button type="button" className="chain-more" disabled={findings.pending === 'more'} onClick={showMore}>
                {findings.pending === 'more' ? t('common.loading') : t('chain.more')}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}
