import type { AssetLink } from '@crosscheck/core/api';
import { formatIban, normaliseImo } from '@crosscheck/core/assets';
import { parseWalletAddress } from '@crosscheck/core/wallets';
import type { AlertItem } from '../../api/client.ts';
import { Subject } from '../../components/Subject.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { StatusText } from './alert-summary.tsx';
import type { AssetAlert } from './asset-words.ts';
import { Term } from './Terms.tsx';

/** The asset of an asset alert, its fields in words: what it is, why it is sought, its identifier in the form people read. */
export function AssetSection({ alert: a }: { alert: AssetAlert }) {
  const { t } = useI18n();
  const x = a.asset;
  return (
    <section className="card alert-section" aria-labelledby="alert-asset-title" data-testid="alert-asset">
      <h2 id="alert-asset-title">{t('alertDetail.asset')}</h2>
      <dl>
        <Term term={t('alerts.category')} testId="alert-category">
          {label(t, 'category', a.category)}
        </Term>
        <Term term={t('asset.type')} testId="asset-type">
          {label(t, 'assetType', x.type)}
        </Term>
        {x.type === 'bank-account' && (
          <>
            {/* Grouped by four, as printed on statements: read aloud and compared by eye without losing the place. */}
            <Term term={t('asset.iban')} testId="asset-iban" dir="ltr">
              {formatIban(x.iban)}
            </Term>
            <Term term={t('asset.bic')} dir="ltr">
              {x.bic?.toUpperCase()}
            </Term>
            <Term term={t('asset.holder')} dir="auto">
              {x.holder}
            </Term>
            <Term term={t('asset.bankName')} dir="auto">
              {x.bankName}
            </Term>
          </>
        )}
        {x.type === 'company' && (
          <>
            <Term term={t('assetDetail.companyName')} testId="asset-name" dir="auto">
              {x.name}
            </Term>
            <Term term={t('assetDetail.otherNames')} dir="auto">
              {x.otherNames?.join(' · ')}
            </Term>
            <Term term={t('asset.registrationNumber')} dir="ltr">
              {x.registrationNumber}
            </Term>
            <Term term={t('assetDetail.country')} dir="ltr">
              {x.country}
            </Term>
            <Term term={t('assetDetail.addresses')} dir="auto">
              {x.addresses?.join(' · ')}
            </Term>
          </>
        )}
        {x.type === 'vessel' && (
          <>
            <Term term={t('asset.imo')} testId="asset-imo" dir="ltr">
              {`IMO ${normaliseImo(x.imo)}`}
            </Term>
            <Term term={t('asset.vesselName')} dir="auto">
              {x.name}
            </Term>
            <Term term={t('assetDetail.flag')} dir="ltr">
              {x.flag}
            </Term>
          </>
        )}
        {x.type === 'aircraft' && (
          <>
            <Term term={t('asset.registration')} dir="ltr">
              {x.registration.toUpperCase()}
            </Term>
            <Term term={t('asset.aircraftModel')} dir="auto">
              {x.model}
            </Term>
            <Term term={t('asset.operator')} dir="auto">
              {x.operator}
            </Term>
          </>
        )}
        {x.type === 'real-estate' && (
          <>
            <Term term={t('assetDetail.country')} dir="ltr">
              {x.country}
            </Term>
            <Term term={t('asset.address')} dir="auto">
              {x.address}
            </Term>
            <Term term={t('asset.cadastralReference')} dir="ltr">
              {x.cadastralReference}
            </Term>
          </>
        )}
        {x.type === 'wallet' && (
          <>
            <Term term={t('asset.currency')}>{label(t, 'assetCurrency', x.currency)}</Term>
            {/* An Ethereum address in its EIP-55 case, however it was typed: a reader copying it gets the checked form. */}
            <Term term={t('asset.walletAddress')} testId="asset-wallet" dir="ltr">
              <code>{walletDisplay(x.address)}</code>
            </Term>
          </>
        )}
        {x.type === 'vehicle' && (
          <>
            <Term term={t('alertEditor.plate')} dir="ltr">
              {x.plate ? `${x.plate}${x.plateCountry ? ` (${x.plateCountry})` : ''}` : undefined}
            </Term>
            <Term term={t('alertEditor.vin')} dir="ltr">
              {x.vin}
            </Term>
            <Term term={t('alertEditor.make')} dir="auto">
              {[x.make, x.model].filter(Boolean).join(' ') || undefined}
            </Term>
          </>
        )}
      </dl>
    </section>
  );
}

function walletDisplay(address: string): string {
  const parsed = parseWalletAddress(address);
  return parsed.ok ? parsed.address.display : address;
}

/**
 * Alerts linked to the one shown (an asset's persons, a person's assets), each a link to its page
 * named by its subject. The server lists only those the reader may read: nothing is said of others.
 */
export function LinkedAlertsSection({ links, title, help, testId, navigate }: { links: AssetLink[] | undefined; title: string; help?: string; testId: string; navigate: (to: string) => void }) {
  if (!links || links.length === 0) return null;
  return (
    <section className="card alert-section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {help && <p className="help">{help}</p>}
      <ul>
        {links.map((l) => {
          const href = `/alerts?id=${encodeURIComponent(l.id)}`;
          return (
            <li key={l.id}>
              <a
                href={href}
                data-testid={`${testId}-link`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(href);
                }}
              >
                <Subject subject={l.subject} />
              </a>{' '}
              <span className="meta">
                · {l.owner} · <StatusText status={l.status} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The links of a read alert, from the answer's extra fields (GET /alerts/{id}). */
export function linksOf(a: AlertItem): { personAlerts?: AssetLink[]; assetAlerts?: AssetLink[]; vehicleAlert?: AssetLink } {
  return a as { personAlerts?: AssetLink[]; assetAlerts?: AssetLink[]; vehicleAlert?: AssetLink };
}
