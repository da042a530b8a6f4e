import { useMemo, useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS } from '@crosscheck/core/constants';
import { NO_FILTERS, type AuditFilters } from '../../api/audit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { actionText } from './audit-words.ts';

/** Days as the form holds them; turned into the API's date-times on submit. */
export interface FilterForm extends Omit<AuditFilters, 'from' | 'to'> {
  fromDay: string;
  toDay: string;
}

export const EMPTY_FORM: FilterForm = { ...NO_FILTERS, fromDay: '', toDay: '' };


/** A chosen day at local midnight, as an ISO date-time; `plusDays` 1 gives the end of that day. */
function dayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

/** The API's filters for a form: the last day is included, so the range ends at the next midnight. */
export function toFilters(f: FilterForm): AuditFilters {
  const { fromDay, toDay, ...rest } = f;
  return { ...rest, from: fromDay ? dayStart(fromDay) : '', to: toDay ? dayStart(toDay, 1) : '' };
}

interface TextFilterProps {
  name: string;
  label: string;
  help: string;
  value: string;
  maxLength: number;
  onChange: (e: { target: { value: string } }) => void;
}

/** A free-text filter; its example stays visible under it (a placeholder would vanish as one types). */
function TextFilter({ name, label, help, value, maxLength, onChange }: TextFilterProps) {
  const id = `audit-filter-${name}`;
  return (
    <div className="audit-field">
      <label htmlFor={id}>{label}</label>
      {/* Codes and identifiers are Latin and read left to right in every language. */}
      <input id={id} name={name} value={value} maxLength={maxLength} dir="ltr" aria-describedby={`${id}-help`} onChange={onChange} />
      <span id={`${id}-help`} className="help">
        {help}
      </span>
    </div>
  );
}

interface Props {
  initial: FilterForm;
  onApply: (f: FilterForm) => void;
}

export function AuditFilterForm({ initial, onApply }: Props) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<FilterForm>(initial);
  const [rangeError, setRangeError] = useState(false);
  const actions = useMemo(() => AUDIT_ACTIONS.map((a) => [a, actionText(t, a) ?? a] as const).sort((x, y) => x[1].localeCompare(y[1], language)), [t, language]);
  const set = (key: keyof FilterForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // ISO days compare as text.
    const bad = form.fromDay !== '' && form.toDay !== '' && form.toDay < form.fromDay;
    setRangeError(bad);
    if (!bad) onApply(form);
  };
  const clear = () => {
    setForm(EMPTY_FORM);
    setRangeError(false);
    onApply(EMPTY_FORM);
  };

  return (
    <form className="card audit-filters" role="search" aria-labelledby="audit-filters-title" onSubmit={submit} data-testid="audit-filters">
      <h2 id="audit-filters-title">{t('audit.filters')}</h2>
      <div className="audit-filter-grid">
        <label>
          {t('audit.action')}
          {/* The core's own list of actions, in words; the value sent is the action's name. */}
          <select name="action" value={form.action} onChange={set('action')} data-testid="audit-filter-action">
            <option value="">{t('audit.actionAny')}</option>
            {actions.map(([a, text]) => (
              <option key={a} value={a}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <TextFilter name="member" label={t('audit.member')} help={t('audit.memberHelp')} value={form.member} maxLength={3} onChange={set('member')} />
        <TextFilter name="credential" label={t('audit.credential')} help={t('audit.credentialHelp')} value={form.credential} maxLength={60} onChange={set('credential')} />
        <TextFilter name="target" label={t('audit.target')} help={t('audit.targetHelp')} value={form.target} maxLength={200} onChange={set('target')} />
        <label>
          {t('audit.result')}
          <select name="result" value={form.result} onChange={set('result')}>
            <option value="">{t('audit.resultAny')}</option>
            <option value="allowed">{t('audit.resultAllowed')}</option>
            <option value="refused">{t('audit.resultRefused')}</option>
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input type="date" name="from" value={form.fromDay} onChange={set('fromDay')} />
        </label>
        {/* The range is wrong at its end: told right under the "to" day, not below the whole row. */}
        <div className="audit-field">
          <label>
            {t('audit.to')}
            <input type="date" name="to" value={form.toDay} aria-invalid={rangeError || undefined} aria-describedby={rangeError ? 'audit-range-error' : undefined} onChange={set('toDay')} />
          </label>
          {rangeError && (
            <p id="audit-range-error" role="alert" className="error field-error" data-testid="audit-range-error">
              {t('audit.badRange')}
            </p>
          )}
        </div>
      </div>
      <div className="audit-filter-buttons">
        <button type="submit" className="primary">
          {t('audit.apply')}
        </button>
        <button type="button" onClick={clear}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
