import { usePageState } from './page-state';
import { forwardRef, useEffect, useRef, type InputHTMLAttributes, type MouseEvent, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

export type ErrorItem = { href: string; text: string };

/**
 * GOV.UK error summary. With JavaScript it takes focus when it appears, so a
 * screen reader announces it; without, it is still the first thing on the page.
 * It takes focus again only when `focusKey` changes (a new attempt to send the
 * form), never while the person is typing a correction. Its links move focus
 * to the field itself, as GOV.UK Frontend's does.
 */
export function ErrorSummary({ title, errors, focusKey }: { title: string; errors: ErrorItem[]; focusKey?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { reportErrors } = usePageState();
  const present = errors.length > 0;
  const key = focusKey ?? errors.map((error) => `${error.href} ${error.text}`).join('|');
  useEffect(() => {
    reportErrors(present);
    return () => reportErrors(false);
  }, [present, reportErrors]);
  useEffect(() => {
    if (present) ref.current?.focus();
    // Only a new attempt moves the focus (see focusKey).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (errors.length === 0) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    if (!target) return;
    event.preventDefault();
    // Show the field's question (its legend or label) above it, as GOV.UK Frontend does.
    (target.closest('fieldset') ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  };
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href}>
                <a href={error.href} onClick={(event) => focusField(event, error.href)}>
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

type FieldProps = {
  id: string;
  label: ReactNode;
  /** Make the label the page's heading (one question per page). */
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** The visually hidden prefix of error messages ("Error:" / "Gwall:"). */
  errorPrefix: string;
};

function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Label({ id, label, labelIsPageHeading }: Pick<FieldProps, 'id' | 'label' | 'labelIsPageHeading'>) {
  if (labelIsPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={id}>
      {label}
    </label>
  );
}

function HintAndError({ id, hint, error, errorPrefix }: Pick<FieldProps, 'id' | 'hint' | 'error' | 'errorPrefix'>) {
  return (
    <>
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
    </>
  );
}

/** A text input; takes react-hook-form's `register()` props, ref included. */
export const TextInput = forwardRef(function TextInput(
  { id, label, labelIsPageHeading, hint, error, errorPrefix, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>,
  ref: Ref<HTMLInputElement>,
) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label id={id} label={label} labelIsPageHeading={labelIsPageHeading} />
      <HintAndError id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      <input
        id={id}
        name={id}
        type="text"
        {...input}
        ref={ref}
        className={`govuk-input${error ? ' govuk-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
});

/**
 * A textarea with GOV.UK's character count. Without JavaScript the limit is
 * stated as a hint; with it, the remaining count updates as the person types
 * (announced politely, not on every key).
 */
export const Textarea = forwardRef(function Textarea(
  {
    id,
    label,
    labelIsPageHeading,
    hint,
    error,
    errorPrefix,
    maxLength,
    countMessage,
    currentLength,
    ...textarea
  }: FieldProps &
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'maxLength'> & {
      maxLength?: number;
      /** "You can enter up to 5000 characters" / with JS "You have 120 characters remaining". */
      countMessage?: string;
      currentLength?: number;
    },
  ref: Ref<HTMLTextAreaElement>,
) {
  const counted = maxLength !== undefined && countMessage !== undefined;
  const over = counted && currentLength !== undefined && currentLength > maxLength;
  const field = (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label id={id} label={label} labelIsPageHeading={labelIsPageHeading} />
      <HintAndError id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      <textarea
        id={id}
        name={id}
        rows={5}
        {...textarea}
        ref={ref}
        className={`govuk-textarea${error || over ? ' govuk-textarea--error' : ''}${counted ? ' govuk-js-character-count' : ''}`}
        aria-describedby={describedBy(id, hint, error, counted ? `${id}-info` : undefined)}
      />
      {counted ? (
        <div id={`${id}-info`} className={`govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}`} aria-live="polite">
          {countMessage}
        </div>
      ) : null}
    </div>
  );
  return counted ? (
    <div className="govuk-character-count" data-module="govuk-character-count" data-maxlength={maxLength}>
      {field}
    </div>
  ) : (
    field
  );
});

export type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode; conditional?: ReactNode };

type ChoicesProps = {
  name: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  errorPrefix: string;
  options: ChoiceOption[];
  /** Register-style props for each input (react-hook-form) or plain defaults. */
  inputProps?: (option: ChoiceOption) => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
  small?: boolean;
};

function Legend({ legend, legendIsPageHeading }: Pick<ChoicesProps, 'legend' | 'legendIsPageHeading'>) {
  return legendIsPageHeading ? (
    <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
      <h1 className="govuk-fieldset__heading">{legend}</h1>
    </legend>
  ) : (
    <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
  );
}

function Choices({ kind, ...props }: ChoicesProps & { kind: 'radios' | 'checkboxes' }) {
  const { name, legend, legendIsPageHeading, hint, error, errorPrefix, options, inputProps, small } = props;
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  const base = kind === 'radios' ? 'govuk-radios' : 'govuk-checkboxes';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <Legend legend={legend} legendIsPageHeading={legendIsPageHeading} />
        <HintAndError id={name} hint={hint} error={error} errorPrefix={errorPrefix} />
        <div className={`${base}${small ? ` ${base}--small` : ''}`} data-module={base}>
          {options.map((option, index) => {
            // The first option takes the field's id, so the error summary's link lands on it.
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div key={option.value}>
                <div className={`${base}__item`}>
                  <input
                    className={`${base}__input`}
                    id={id}
                    name={name}
                    type={type}
                    value={option.value}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                    {...inputProps?.(option)}
                  />
                  <label className={`govuk-label ${base}__label`} htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${id}-item-hint`} className={`govuk-hint ${base}__hint`}>
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.conditional ? <div className={`${base}__conditional`}>{option.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoicesProps) {
  return <Choices kind="radios" {...props} />;
}

export function Checkboxes(props: ChoicesProps) {
  return <Choices kind="checkboxes" {...props} />;
}

export type DateParts = { day: string; month: string; year: string };

/** GOV.UK date input: three fields, `name-day`, `name-month`, `name-year`. */
export function DateInput({
  name,
  legend,
  legendIsPageHeading,
  hint,
  error,
  errorPrefix,
  labels,
  defaultValue,
  inputProps,
}: {
  name: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  errorPrefix: string;
  labels: { day: string; month: string; year: string };
  defaultValue?: Partial<DateParts>;
  inputProps?: (part: keyof DateParts) => InputHTMLAttributes<HTMLInputElement>;
}) {
  const parts: (keyof DateParts)[] = ['day', 'month', 'year'];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(name, hint, error)}>
        <Legend legend={legend} legendIsPageHeading={legendIsPageHeading} />
        <HintAndError id={name} hint={hint} error={error} errorPrefix={errorPrefix} />
        <div className="govuk-date-input" id={name}>
          {parts.map((part) => (
            <div key={part} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={part === 'day' ? `${name}-day` : `${name}-${part}`}>
                  {labels[part]}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}${error ? ' govuk-input--error' : ''}`}
                  id={`${name}-${part}`}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete={undefined}
                  defaultValue={defaultValue?.[part]}
                  {...inputProps?.(part)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export const FileUpload = forwardRef(function FileUpload(
  { id, label, hint, error, errorPrefix, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>,
  ref: Ref<HTMLInputElement>,
) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label id={id} label={label} />
      <HintAndError id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      <input
        id={id}
        name={id}
        type="file"
        {...input}
        ref={ref}
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
});

export function Button({
  children,
  secondary = false,
  warning = false,
  start = false,
  href,
  name,
  value,
  preventDoubleClick = true,
}: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  start?: boolean;
  href?: string;
  name?: string;
  value?: string;
  preventDoubleClick?: boolean;
}) {
  const className = `govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}${start ? ' govuk-button--start' : ''}`;
  const content = (
    <>
      {children}
      {start ? (
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      ) : null}
    </>
  );
  if (href) {
    return (
      <a href={href} role="button" draggable="false" className={className} data-module="govuk-button">
        {content}
      </a>
    );
  }
  return (
    <button type="submit" className={className} data-module="govuk-button" data-prevent-double-click={preventDoubleClick ? 'true' : undefined} name={name} value={value}>
      {content}
    </button>
  );
}
