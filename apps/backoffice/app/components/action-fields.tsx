import { Checkboxes, DateInput, Radios, Select, TextInput, Textarea } from '@heard/ui';
import { useTranslation } from 'react-i18next';
import type { CasePage, Field } from '~/lib/case-actions';

type Values = Record<string, string | string[]>;

const one = (values: Values, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};
const many = (values: Values, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/**
 * One field of a case action's form, as GOV.UK markup. Labels come from
 * `casework.actions.<action>.fields.<name>` when the action words it its own
 * way, else `casework.fields.<name>`; a hint is shown when one is written.
 */
export function ActionField({
  action,
  field,
  page,
  values,
  error,
  templates,
}: {
  action: string;
  field: Field;
  page: CasePage;
  values: Values;
  error: string | undefined;
  templates: { id: string; kind: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const base = i18n.exists(`casework.actions.${action}.fields.${field.name}.label`) ? `casework.actions.${action}.fields.${field.name}` : `casework.fields.${field.name}`;
  const label = t(`${base}.label`);
  const hint = i18n.exists(`${base}.hint`) ? t(`${base}.hint`) : undefined;
  const errorPrefix = t('common.errorPrefix');
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  const named = (item: { name: string; nameCy?: string | null }) => (language === 'cy' && item.nameCy ? item.nameCy : item.name);

  switch (field.kind) {
    case 'hidden':
      return <input type="hidden" name={field.name} value={one(values, field.name)} />;
    case 'text':
    case 'number':
      return (
        <TextInput
          id={field.name}
          label={label}
          hint={hint}
          error={error}
          errorPrefix={errorPrefix}
          defaultValue={one(values, field.name)}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          className={field.kind === 'number' ? 'govuk-input--width-5' : undefined}
          spellCheck={field.kind === 'number' ? false : undefined}
        />
      );
    case 'textarea':
      return <Textarea id={field.name} label={label} hint={hint} error={error} errorPrefix={errorPrefix} defaultValue={one(values, field.name)} />;
    case 'date': {
      const [year = '', month = '', day = ''] = one(values, field.name).split('-');
      return (
        <DateInput
          name={field.name}
          legend={label}
          hint={hint ?? (field.name === 'on' ? t('casework.fields.on.hint') : t('casework.dateHint'))}
          error={error}
          errorPrefix={errorPrefix}
          labels={{ day: t('casework.date.day'), month: t('casework.date.month'), year: t('casework.date.year') }}
          defaultValue={{ day, month, year }}
        />
      );
    }
    case 'yesno':
      return (
        <Radios
          name={field.name}
          legend={label}
          hint={hint}
          error={error}
          errorPrefix={errorPrefix}
          small
          options={['yes', 'no'].map((value) => ({ value, label: t(`casework.options.yesNo.${value}`) }))}
          inputProps={(option) => ({ defaultChecked: one(values, field.name) === option.value })}
        />
      );
    case 'radios':
    case 'checkboxes': {
      const Choice = field.kind === 'radios' ? Radios : Checkboxes;
      const chosen = many(values, field.name);
      return (
        <Choice
          name={field.name}
          legend={label}
          hint={hint}
          error={error}
          errorPrefix={errorPrefix}
          small={field.options.length > 4}
          options={field.options.map((value) => ({ value, label: t(`${field.labels}.${value}`) }))}
          inputProps={(option) => ({ defaultChecked: chosen.includes(option.value) })}
        />
      );
    }
    case 'themes': {
      const chosen = values[field.name] !== undefined ? many(values, field.name) : page.case.themes.map((theme) => theme.id);
      return (
        <Checkboxes
          name={field.name}
          legend={label}
          error={error}
          errorPrefix={errorPrefix}
          small
          options={page.reference.themes.filter((theme) => theme.active).map((theme) => ({ value: theme.id, label: named(theme) }))}
          inputProps={(option) => ({ defaultChecked: chosen.includes(option.value) })}
        />
      );
    }
    case 'staffCheckboxes': {
      const chosen = many(values, field.name);
      return (
        <Checkboxes
          name={field.name}
          legend={label}
          error={error}
          errorPrefix={errorPrefix}
          options={page.staff.filter((person) => person.roles.includes(field.role)).map((person) => ({ value: person.id, label: person.displayName }))}
          inputProps={(option) => ({ defaultChecked: chosen.includes(option.value) })}
        />
      );
    }
    case 'select': {
      let options: { value: string; label: string }[];
      if (field.source === 'staff') options = page.staff.map((person) => ({ value: person.id, label: person.displayName }));
      else if (field.source.startsWith('role:')) {
        const role = field.source.slice(5);
        options = page.staff.filter((person) => person.roles.includes(role)).map((person) => ({ value: person.id, label: person.displayName }));
      } else {
        const items = page.reference[field.source as 'divisions' | 'services' | 'localities'];
        options = items.filter((item) => item.active).map((item) => ({ value: item.id, label: named(item) }));
      }
      const current =
        one(values, field.name) ||
        (field.name === 'divisionId' ? (page.case.divisionId ?? '') : field.name === 'serviceId' ? (page.case.serviceId ?? '') : field.name === 'localityId' ? (page.case.localityId ?? '') : '');
      return (
        <Select
          id={field.name}
          label={label}
          hint={hint}
          error={error}
          errorPrefix={errorPrefix}
          options={options}
          emptyLabel={field.optional ? t('casework.notSet') : t('casework.choose')}
          defaultValue={current}
        />
      );
    }
    case 'letter': {
      const usable = templates.filter((template) => field.letterKinds.includes(template.kind));
      return (
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('casework.letter.legend')}</legend>
          <Select
            id="letterTemplate"
            label={t('casework.letter.template')}
            error={error}
            errorPrefix={errorPrefix}
            options={usable.map((template) => ({ value: template.id, label: template.name }))}
            emptyLabel={field.optional ? t('casework.letter.none') : t('casework.choose')}
            defaultValue={one(values, 'letterTemplate') || (field.optional ? '' : (usable[0]?.id ?? ''))}
          />
          <Radios
            name="letterLanguage"
            legend={t('casework.letter.language')}
            errorPrefix={errorPrefix}
            small
            options={['en', 'cy'].map((value) => ({ value, label: t(`casework.options.language.${value}`) }))}
            inputProps={(option) => ({ defaultChecked: (one(values, 'letterLanguage') || page.case.language) === option.value })}
          />
        </fieldset>
      );
    }
    case 'points':
      return <PointsEditor page={page} values={values} error={error} />;
  }
}

/** Each complaint point with its finding, and a new one to add; a point whose summary is emptied is removed. */
function PointsEditor({ page, values, error }: { page: CasePage; values: Values; error: string | undefined }) {
  const { t } = useTranslation();
  const errorPrefix = t('common.errorPrefix');
  return (
    <>
      {error ? (
        <p className="govuk-error-message" id="points">
          <span className="govuk-visually-hidden">{errorPrefix}</span> {error}
        </p>
      ) : null}
      {page.points.map((point, index) => (
        <div key={point.id} className="govuk-!-margin-bottom-6">
          <input type="hidden" name="pointId" value={point.id} />
          <TextInput id={`pointSummary-${index}`} name="pointSummary" label={t('casework.points.summary', { number: index + 1 })} errorPrefix={errorPrefix} defaultValue={point.summary} />
          <Radios
            name={`pointFinding${index}`}
            legend={t('casework.points.finding', { number: index + 1 })}
            errorPrefix={errorPrefix}
            small
            options={[...(['upheld', 'partly_upheld', 'not_upheld'] as const).map((value) => ({ value, label: t(`outcome.${value}`) })), { value: '', label: t('casework.points.undecided') }]}
            inputProps={(option) => ({ defaultChecked: (one(values, `pointFinding${index}`) || point.finding || '') === option.value })}
          />
        </div>
      ))}
      <TextInput id="newPoint" label={t('casework.points.add')} hint={t('casework.points.addHint')} errorPrefix={errorPrefix} defaultValue={one(values, 'newPoint')} />
    </>
  );
}
