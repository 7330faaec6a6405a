import type { ReactNode, SelectHTMLAttributes } from 'react';

export type SelectOption = { value: string; label: string };

/** GOV.UK select: for long lists (staff, services) where radios would not fit. */
export function Select({
  id,
  label,
  hint,
  error,
  errorPrefix,
  options,
  emptyLabel,
  ...select
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  errorPrefix: string;
  options: SelectOption[];
  /** A first, empty choice ("Not set"); leave out to require a choice. */
  emptyLabel?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{errorPrefix}</span> {error}
        </p>
      ) : null}
      <select id={id} name={id} className={`govuk-select${error ? ' govuk-select--error' : ''}`} aria-describedby={describedBy} {...select}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
