import { mrzDocumentWarnings, parseMrz, type MrzParseResult } from '@crosscheck/core/mrz';
import type { ScreeningWarningView } from '@crosscheck/core/api';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { warningText } from './screening-warning-text.ts';

const CHECK_NAMES: Record<string, MessageKey> = {
  documentNumber: 'check.documentNumber',
  birthDate: 'check.birthDate',
  expiryDate: 'check.expiryDate',
  personalNumber: 'check.personalNumber',
  optionalData: 'check.optionalData',
  composite: 'check.composite',
};

export interface MrzFieldProps {
  value: string;
  onChange: (v: string) => void;
  /** What the last screening said about this zone beside its document (a holder who is not the person typed). */
  answerWarnings?: readonly ScreeningWarningView[];
  /** Why the server refused the zone, beside it. */
  error?: string;
}

/**
 * The MRZ textarea: parsed in the browser by the same core parser as the server, on every
 * keystroke, with the document's state (expired, not yet valid, OCR suggestions, unknown or
 * specimen state) worded by the same core function the screening answer's warnings come from.
 * The failing check digits are the status line.
 */
export function MrzField({ value, onChange, answerWarnings = [], error }: MrzFieldProps) {
  const { t, language } = useI18n();
  const result: MrzParseResult | null = useMemo(() => (value.trim() === '' ? null : parseMrz(value)), [value]);
  const failed = result ? Object.entries(result.checks).filter(([, ok]) => !ok).map(([name]) => name) : [];
  const documentWarnings = result ? mrzDocumentWarnings(result).filter((w) => w.code !== 'mrz.check-digit') : [];
  const warnings: ScreeningWarningView[] = [...documentWarnings, ...answerWarnings];

  let status: { tone: 'ok' | 'bad' | 'info'; text: string } | null = null;
  // Right check digits do not make an expired or specimen document good: no green then.
  if (result?.valid) status = { tone: documentWarnings.length > 0 ? 'info' : 'ok', text: t('screen.mrzValid', { format: result.format ?? '' }) };
  else if (failed.length > 0) status = { tone: 'bad', text: t('screen.mrzCheckFailed', { fields: failed.map((f) => (CHECK_NAMES[f] ? t(CHECK_NAMES[f]) : f)).join(', ') }) };
  else if (result) status = { tone: 'info', text: t('screen.mrzUnreadable', { message: result.errors[0]?.message ?? '' }) };

  return (
    <div className="field mrz">
      <label htmlFor="mrz">{t('screen.mrz')}</label>
      <p id="mrz-help" className="help">
        {t('screen.mrzHelp')}
      </p>
      <textarea
        id="mrz"
        name="mrz"
        rows={3}
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        dir="ltr"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`mrz-help mrz-status${warnings.length > 0 ? ' mrz-warnings' : ''}${error ? ' mrz-error' : ''}`}
        aria-invalid={failed.length > 0 || error !== undefined || undefined}
      />
      <p id="mrz-status" className={`mrz-status ${status?.tone ?? ''}`} role="status" data-testid="mrz-status">
        {status?.text}
      </p>
      {error && (
        <p id="mrz-error" className="error" data-testid="mrz-error">
          {error}
        </p>
      )}
      {warnings.length > 0 && (
        <div id="mrz-warnings" className="mrz-warnings" data-testid="mrz-warnings">
          <p className="help">{t('screening.mrzWarnings')}</p>
          <ul className="warnings">
            {warnings.map((w, i) => (
              <li key={`${w.code}-${i}`} data-code={w.code}>
                {warningText(t, language, w)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
