import { useMemo, useState, type FormEvent } from 'react';
import { EXTRACTION_METHODS, FINDING_STATUSES, NO_FINDING_FILTERS, type ExtractionMethod, type FindingFilters, type FindingStatus } from '../../api/chain.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { HEX32, HEX64, MEDIA_FAMILIES, methodText } from './chain-words.ts';

interface Props {
  initial: FindingFilters;
  onApply: (f: FindingFilters) => void;
}

/** The findings' filters: method and kind of content in words, status, matched only, and a transaction or content fingerprint. */
export function ChainFilterForm({ initial, onApply }: Props) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<FindingFilters>(initial);
  const [errors, setErrors] = useState<{ txid?: boolean; hash?: boolean }>({});
  // The core's own list of methods, in words, in the reader's alphabetical order.
  const methods = useMemo(() => EXTRACTION_METHODS.map((m) => [m, methodText(t, m)] as const).sort((x, y) => x[1].localeCompare(y[1], language)), [t, language]);
  const set = <K extends keyof FindingFilters>(key: K, value: FindingFilters[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const txid = form.txid.trim();
    const hash = form.hash.trim();
    const bad = { txid: txid !== '' && !HEX64.test(txid), hash: hash !== '' && !HEX64.test(hash) && !HEX32.test(hash) };
    setErrors(bad);
    if (!bad.txid && !bad.hash) onApply(form);
  };
  const clear = () => {
    setForm(NO_FINDING_FILTERS);
    setErrors({});
    onApply(NO_FINDING_FILTERS);
  };

  return (
    <form className="card chain-filters" role="search" aria-labelledby="chain-filters-title" onSubmit={submit} data-testid="chain-filters">
      <h2 id="chain-filters-title">{t('chain.filters')}</h2>
      <div className="chain-filter-grid">
        <label>
          {t('chain.method')}
          <select name="method" value={form.method} onChange={(e) => set('method', e.target.value as ExtractionMethod | '')} data-testid="chain-filter-method">
            <option value="">{t('chain.methodAny')}</option>
            {methods.map(([m, text]) => (
              <option key={m} value={m}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('chain.family')}
          <select name="mediaType" value={form.mediaType} onChange={(e) => set('mediaType', e.target.value)} data-testid="chain-filter-family">
            <option value="">{t('chain.familyAny')}</option>
            {MEDIA_FAMILIES.map((f) => (
              <option key={f} value={`${f}/`}>
                {t(`chain.family.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('chain.status')}
          <select name="status" value={form.status} onChange={(e) => set('status', e.target.value as FindingStatus | '')} data-testid="chain-filter-status">
            <option value="">{t('chain.statusAny')}</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`chain.statusValue.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <HexField name="txid" label={t('chain.txid')} help={t('chain.txidHelp')} error={errors.txid ? t('chain.badTxid') : null} value={form.txid} maxLength={64} onChange={(v) => set('txid', v)} />
        <HexField name="hash" label={t('chain.hash')} help={t('chain.hashHelp')} error={errors.hash ? t('chain.badHash') : null} value={form.hash} maxLength={64} onChange={(v) => set('hash', v)} />
        <div className="chain-field">
          <label htmlFor="chain-filter-text">{t('chain.words')}</label>
          {/* Words as found in the chain, in whatever script: their own direction. */}
          <input id="chain-filter-text" name="text" value={form.text} maxLength={200} dir="auto" aria-describedby="chain-filter-text-help" onChange={(e) => set('text', e.target.value)} data-testid="chain-filter-text" />
          <span id="chain-filter-text-help" className="help">
            {t('chain.wordsHelp')}
          </span>
        </div>
        <label className="chain-check">
          <input type="checkbox" name="matched" checked={form.matched} onChange={(e) => set('matched', e.target.checked)} data-testid="chain-filter-matched" />
          <span>{t('chain.matchedOnly')}</span>
        </label>
      </div>
      <div className="chain-filter-buttons">
        <button type="submit" className="primary">
          {t('chain.apply')}
        </button>
        <button type="button" onClick={clear}>
          {t('chain.clear')}
        </button>
      </div>
    </form>
  );
}

interface HexFieldProps {
  name: string;
  label: string;
  help: string;
  error: string | null;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
}

/** A hexadecimal identifier: read left to right in every language, its format said under it and its error right there. */
function HexField({ name, label, help, error, value, maxLength, onChange }: HexFieldProps) {
  const id = `chain-filter-${name}`;
  return (
    <div className="chain-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} value={value} maxLength={maxLength} dir="ltr" spellCheck={false} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`} onChange={(e) => onChange(e.target.value)} />
      <span id={`${id}-help`} className="help">
        {help}
      </span>
      {error && (
        <p id={`${id}-error`} role="alert" className="error field-error">
          {error}
        </p>
      )}
    </div>
  );
}
