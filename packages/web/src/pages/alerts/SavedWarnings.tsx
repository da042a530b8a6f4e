import { useState } from 'react';
import { takeSaveWarnings } from '../../data/save-warnings.ts';
import { isMessageKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What the server said was doubtful about a valid identifier when the alert was just saved (an
 * asset's BIC of another country than its IBAN…), in the reader's words: said once, on the page
 * the editor returns to; the server does not store it.
 */
export function SavedWarnings({ alertId }: { alertId: string }) {
  const { t } = useI18n();
  const [warnings] = useState(() => takeSaveWarnings(alertId));
  if (warnings.length === 0) return null;
  return (
    <div role="status" className="notice warning" data-testid="alert-save-warnings">
      <p>{t('alertDetail.savedWarnings')}</p>
      <ul>
        {warnings.map((w, i) => {
          const key = `assetWarning.${w.code}`;
          return <li key={i}>{isMessageKey(key) ? t(key) : w.message}</li>;
        })}
      </ul>
    </div>
  );
}
