import { useId, type ReactNode } from 'react';

/** The message under a field; `id` ties it to the field with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  help?: string;
  required?: boolean;
  /** `auto` for free text and names, which may be in any script; `ltr` for codes, numbers, dates. */
  dir?: 'auto' | 'ltr';
  multiline?: boolean;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  name?: string;
  lang?: string | undefined;
}

/** A labelled text box with its help and its error, both announced with the field. */
export function TextField({ label, value, onChange, error, help, required, dir = 'auto', multiline, inputMode, maxLength, name, lang }: TextProps) {
  const id = useId();
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id: `${id}-input`, value, dir, name, lang, maxLength, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, 'aria-required': required || undefined };
  // The label names the box by `for`, not by wrapping it: a wrapped textarea's text would join its name.
  return (
    <div className={`field${multiline ? ' wide' : ''}`}>
      <label htmlFor={`${id}-input`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? <textarea rows={3} {...common} onChange={(e) => onChange(e.target.value)} /> : <input type="text" inputMode={inputMode} {...common} onChange={(e) => onChange(e.target.value)} />}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  error?: string | undefined;
  required?: boolean;
  name?: string;
}

export function SelectField<V extends string>({ label, value, options, onChange, error, required, name }: SelectProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <select id={`${id}-input`} name={name} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function CheckField({ label, checked, onChange, name, error }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; name?: string; error?: string | undefined }) {
  const id = useId();
  return (
    <>
      <label className="check">
        <input type="checkbox" name={name} checked={checked} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}
