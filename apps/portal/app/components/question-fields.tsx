import { DateInput, Radios, Textarea, TextInput, type ChoiceOption, type ErrorItem } from '@heard/ui';
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ADDRESS_PARTS, fieldKeys, isLone, valueAt, type FieldView, type StepView } from '~/lib/journey-views';

export type ServiceOption = { id: string; name: string; nameCy: string | null };

type Props = {
  step: StepView;
  form: UseFormReturn<FieldValues>;
  /** The answers to show: what was posted, else what was saved. */
  values: Record<string, unknown>;
  errorKey: (path: string) => string | undefined;
  services: ServiceOption[];
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** The lengths the messages mention ("Must be {{max}} characters or fewer"), from the field's own limits. */
export function messageParams(field: FieldView): Record<string, number> {
  if (field.kind === 'textarea') return { max: field.maxLength };
  if (field.kind === 'text' && field.path.endsWith('age')) return { min: 5, max: 25 };
  if (field.kind === 'address') return { max: 200 };
  if (field.kind === 'text' && field.path.endsWith('firstName')) return { max: 50 };
  if (field.kind === 'text' && /organisation|office|aboutWhom|CallTimes/.test(field.path)) return { max: 200 };
  return { max: 100 };
}

/** Options of a choice, with the council's services in the person's language. */
export function useOptionLabel(step: StepView, lone: boolean) {
  const { t, i18n } = useTranslation();
  return (field: Extract<FieldView, { kind: 'radios' }>, value: string, services: ServiceOption[]): string => {
    if (field.options === 'services') {
      const service = services.find((s) => s.id === value);
      if (service) return i18n.language === 'cy' && service.nameCy ? service.nameCy : service.name;
    }
    return t(`${field.optionKeys ?? fieldKeys(step, field, lone)}.options.${value}`);
  };
}

function optionValues(field: Extract<FieldView, { kind: 'radios' }>, services: ServiceOption[]): string[] {
  return field.options === 'services' ? [...services.map((s) => s.id), 'not_sure', 'not_council'] : [...field.options];
}

/** The first error of a date: the whole date, or the part that is missing (GOV.UK links to that part). */
function dateError(path: string, errorKey: Props['errorKey']): { key: string; part: 'day' | 'month' | 'year' } | undefined {
  const whole = errorKey(path);
  if (whole) return { key: whole, part: 'day' };
  for (const part of ['day', 'month', 'year'] as const) {
    const key = errorKey(`${path}.${part}`);
    if (key) return { key, part };
  }
  return undefined;
}

function addressError(path: string, errorKey: Props['errorKey']): { key: string; part: (typeof ADDRESS_PARTS)[number] } | undefined {
  const whole = errorKey(path);
  if (whole) return { key: whole, part: 'line1' };
  for (const part of ADDRESS_PARTS) {
    const key = errorKey(`${path}.${part}`);
    if (key) return { key, part };
  }
  return undefined;
}

/** Every field of the page, with the conditional ones under the option now chosen (all of them, for the summary). */
function allFields(fields: readonly FieldView[]): FieldView[] {
  return fields.flatMap((field) => [field, ...(field.kind === 'radios' && field.conditional ? Object.values(field.conditional).flatMap((nested) => allFields(nested)) : [])]);
}

/** The GOV.UK error summary's lines for a page, in the order of its fields, each linked to its field. */
export function errorItems(step: StepView, errorKey: Props['errorKey'], t: (key: string, params?: Record<string, unknown>) => string): ErrorItem[] {
  const items: ErrorItem[] = [];
  for (const field of allFields(step.fields)) {
    if (field.kind === 'date') {
      const error = dateError(field.path, errorKey);
      if (error) items.push({ href: `#${field.path}-${error.part}`, text: t(error.key, messageParams(field)) });
    } else if (field.kind === 'address') {
      const error = addressError(field.path, errorKey);
      if (error) items.push({ href: `#${field.path}.${error.part}`, text: t(error.key, messageParams(field)) });
    } else {
      const key = errorKey(field.path);
      if (key) items.push({ href: `#${field.path}`, text: t(key, messageParams(field)) });
    }
  }
  return items;
}

/** The fields of one question page, in GOV.UK markup; each works without JavaScript and is enhanced by react-hook-form. */
export function QuestionFields({ step, form, values, errorKey, services }: Props) {
  const { t, i18n } = useTranslation();
  const lone = isLone(step);
  const optionLabel = useOptionLabel(step, lone);
  // The character count counts down only once JavaScript runs (the first render matches the server's).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const errorPrefix = t('common.errorPrefix');
  const optional = (key: string) => (i18n.exists(key) ? t(key) : undefined);

  const render = (field: FieldView, isLone: boolean): ReactNode => {
    const keys = fieldKeys(step, field, isLone);
    const label = isLone ? t(`${step.keys}.title`) : t(`${keys}.label`);
    const hint = optional(`${keys}.hint`);
    const params = messageParams(field);
    const message = (key: string | undefined) => (key ? t(key, params) : undefined);
    switch (field.kind) {
      case 'text':
        return (
          <TextInput
            key={field.path}
            id={field.path}
            label={label}
            labelIsPageHeading={isLone}
            hint={hint}
            error={message(errorKey(field.path))}
            errorPrefix={errorPrefix}
            type={field.type ?? 'text'}
            autoComplete={field.autoComplete}
            inputMode={field.inputMode}
            spellCheck={field.spellCheck}
            className={field.width ? `govuk-input--width-${field.width}` : undefined}
            defaultValue={text(valueAt(values, field.path))}
            {...form.register(field.path)}
          />
        );
      case 'textarea': {
        const length = hydrated ? (String(form.watch(field.path) ?? '').length) : undefined;
        const countMessage =
          length === undefined
            ? t('portal.shared.characterLimit', { max: field.maxLength })
            : length > field.maxLength
              ? t('portal.shared.charactersTooMany', { count: length - field.maxLength })
              : t('portal.shared.charactersRemaining', { count: field.maxLength - length });
        return (
          <Textarea
            key={field.path}
            id={field.path}
            label={label}
            labelIsPageHeading={isLone}
            hint={hint}
            error={message(errorKey(field.path))}
            errorPrefix={errorPrefix}
            rows={field.rows ?? 5}
            maxLength={field.maxLength}
            countMessage={countMessage}
            currentLength={length}
            defaultValue={text(valueAt(values, field.path))}
            {...form.register(field.path)}
          />
        );
      }
      case 'radios': {
        const chosen = text(valueAt(values, field.path));
        const options: ChoiceOption[] = optionValues(field, services).map((value) => ({
          value,
          label: optionLabel(field, value, services),
          hint: field.options === 'services' ? undefined : optional(`${field.optionKeys ?? keys}.optionHints.${value}`),
          conditional: field.conditional?.[value] ? <>{field.conditional[value]!.map((nested) => render(nested, false))}</> : undefined,
        }));
        return (
          <Radios
            key={field.path}
            name={field.path}
            legend={label}
            legendIsPageHeading={isLone}
            hint={hint}
            error={message(errorKey(field.path))}
            errorPrefix={errorPrefix}
            options={options}
            inputProps={(option) => ({ ...form.register(field.path), defaultChecked: chosen === option.value })}
          />
        );
      }
      case 'date': {
        const error = dateError(field.path, errorKey);
        const parts = (valueAt(values, field.path) ?? {}) as Record<string, unknown>;
        return (
          <DateInput
            key={field.path}
            name={field.path}
            legend={label}
            legendIsPageHeading={isLone}
            hint={hint}
            error={message(error?.key)}
            errorPrefix={errorPrefix}
            labels={{ day: t('common.date.day'), month: t('common.date.month'), year: t('common.date.year') }}
            defaultValue={{ day: text(parts.day), month: text(parts.month), year: text(parts.year) }}
            inputProps={(part) => ({ ...form.register(`${field.path}.${part}`), ...(field.autoComplete ? { autoComplete: `bday-${part}` } : {}) })}
          />
        );
      }
      case 'address': {
        const error = addressError(field.path, errorKey);
        return (
          <fieldset key={field.path} className="govuk-fieldset" aria-describedby={error ? `${field.path}-error` : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
            {error ? (
              <p id={`${field.path}-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">{errorPrefix}</span> {message(error.key)}
              </p>
            ) : null}
            {ADDRESS_PARTS.map((part) => (
              <TextInput
                key={part}
                id={`${field.path}.${part}`}
                label={t(`portal.shared.address.${part}`)}
                error={error?.part === part && error.key !== errorKey(field.path) ? message(error.key) : undefined}
                errorPrefix={errorPrefix}
                autoComplete={part === 'line1' ? 'address-line1' : part === 'line2' ? 'address-line2' : part === 'town' ? 'address-level2' : 'postal-code'}
                className={part === 'postcode' ? 'govuk-input--width-10' : part === 'town' ? 'govuk-!-width-two-thirds' : undefined}
                defaultValue={text(valueAt(values, `${field.path}.${part}`))}
                {...form.register(`${field.path}.${part}`)}
              />
            ))}
          </fieldset>
        );
      }
    }
  };

  return <>{step.fields.map((field) => render(field, lone))}</>;
}

/** A summary value for "check your answers". */
export function describeAnswer(
  step: StepView,
  field: FieldView,
  lone: boolean,
  answers: Record<string, unknown>,
  services: ServiceOption[],
  helpers: { t: (key: string, params?: Record<string, unknown>) => string; language: string; formatDate: (iso: string) => string },
): string | null {
  const value = valueAt(answers, field.path);
  if (field.kind === 'radios') {
    if (typeof value !== 'string') return null;
    if (field.options === 'services') {
      const service = services.find((s) => s.id === value);
      if (service) return helpers.language === 'cy' && service.nameCy ? service.nameCy : service.name;
    }
    return helpers.t(`${field.optionKeys ?? fieldKeys(step, field, lone)}.options.${value}`);
  }
  if (field.kind === 'date') {
    const parts = (value ?? {}) as Record<string, string | undefined>;
    if (!parts.day || !parts.month || !parts.year) return null;
    const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? helpers.formatDate(iso) : null;
  }
  if (field.kind === 'address') {
    const lines = ADDRESS_PARTS.map((part) => valueAt(answers, `${field.path}.${part}`)).filter((line): line is string => typeof line === 'string' && line.trim() !== '');
    return lines.length > 0 ? lines.join('\n') : null;
  }
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** The rows a page contributes to "check your answers": its fields, and the conditional ones under the option chosen. */
export function summaryFields(step: StepView, answers: Record<string, unknown>): Array<{ field: FieldView; lone: boolean }> {
  const lone = isLone(step);
  const rows: Array<{ field: FieldView; lone: boolean }> = [];
  const visit = (field: FieldView, isLone: boolean) => {
    rows.push({ field, lone: isLone });
    if (field.kind === 'radios' && field.conditional) {
      const chosen = valueAt(answers, field.path);
      for (const nested of (typeof chosen === 'string' ? field.conditional[chosen] : undefined) ?? []) visit(nested, false);
    }
  };
  for (const field of step.fields) visit(field, lone);
  return rows;
}

