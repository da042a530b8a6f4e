import { parseWalletAddress } from '@crosscheck/core/wallets';
import type { AlertItem } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type PersonAlert = Extract<AlertItem, { kind: 'person' }>;

/**
 * The wallet addresses the person is known to use, each with its currency, network and kind, read
 * by the core's rule: an Ethereum address is shown in its EIP-55 case whatever case it was typed
 * in, so a reader copying it gets the checksummed form. Absent when the alert names none.
 */
export function WalletsSection({ alert: a }: { alert: PersonAlert }) {
  const { t } = useI18n();
  const wallets = a.person.walletAddresses ?? [];
  if (wallets.length === 0) return null;
  return (
    <section className="card alert-section" aria-labelledby="alert-wallets-title" data-testid="alert-wallets">
      <h2 id="alert-wallets-title">{t('alertDetail.wallets')}</h2>
      <ul>
        {wallets.map((w, i) => {
          const parsed = parseWalletAddress(w.address);
          // Stored addresses passed the same rule; one that no longer reads is shown as written.
          if (!parsed.ok) return <li key={i}><code dir="ltr">{w.address}</code></li>;
          const { currency, network, type, display } = parsed.address;
          return (
            <li key={i}>
              {currency} <code dir="ltr">{display}</code>
              {' · '}
              <span dir="ltr">{type.toUpperCase()}</span>
              {network && network !== 'mainnet' ? <> · {t(network === 'testnet' ? 'alertDetail.wallet.testnet' : 'alertDetail.wallet.regtest')}</> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
