import { parseMrz, type MrzParseResult } from '@crosscheck/core/mrz';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';

const CHECK_NAMES: Record<string, MessageKey> = {
  documentNumber: 'check.documentNumber',
  birthDate: 'check.birthDate',
  expiryDate: 'check.expiryDate',
  personalNumber: 'check.personalNumber',
  optionalData: 'check.optionalData',
  composite: 'check.composite',
};

/** The MRZ textarea: parsed in the browser by the same core parser as the server, on every keystroke. */
export function MrzField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const result: MrzParseResult | null = useMemo(() => (value.trim() === '' ? null : parseMrz(value)), [value]);
  const failed = result ? Object.entries(result.checks).filter(([, ok]) => !ok).map(([name]) => name) : [];

  let status: { tone: 'ok' | 'bad' | 'info'; text: string } | null = null;
  if (result?.valid) status = { tone: 'ok', text: t('screen.mrzValid', { format: result.format ?? '' }) };
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
        aria-describedby="mrz-help mrz-status"
        aria-invalid={failed.length > 0 || undefined}
      />
      <p id="mrz-status" className={`mrz-status ${status?.tone ?? ''}`} role="status" data-testid="mrz-status">
        {status?.text}
      </p>
    </div>
  );
}
