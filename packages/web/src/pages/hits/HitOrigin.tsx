import type { HitOrigin as Origin } from '@crosscheck/core/constants';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Where a hit came from, in words, when it was not a screening: "Carrier check" for a carrier's
 * check of a travel document. Nothing for an ordinary screening's hit. A badge in the inbox, a line
 * with its explanation on the hit's page.
 */
export function HitOriginBadge({ origin }: { origin: Origin | undefined }) {
  const { t } = useI18n();
  if (origin !== 'carrier-check') return null;
  return (
    <span className="badge origin" data-testid="hit-origin">
      {t('carrier.origin')}
    </span>
  );
}

export function HitOriginLine({ origin }: { origin: Origin | undefined }) {
  const { t } = useI18n();
  if (origin !== 'carrier-check') return null;
  return (
    <>
      <dt>{t('carrier.originLabel')}</dt>
      <dd data-testid="hit-origin-detail">
        <HitOriginBadge origin={origin} /> {t('carrier.originDetail')}
      </dd>
    </>
  );
}
