import { localiseParams, type Language } from '@heard/domain';

export type FormValues = Record<string, string | string[]>;

/**
 * A posted form as values by name (a name posted more than once is a list),
 * with each GOV.UK date input (`name-day`, `name-month`, `name-year`) put
 * together as `YYYY-MM-DD`: left empty it is no date; part-filled or
 * impossible it is passed on as typed, and the API says what is wrong.
 */
export function readValues(form: FormData, dateFields: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key === 'csrf' || key === 'intent') continue;
    const all = form.getAll(key).map((v) => (typeof v === 'string' ? v : ''));
    values[key] = all.length === 1 ? (all[0] as string) : all;
  }
  for (const name of dateFields) {
    const part = (suffix: string) => String(form.get(`${name}-${suffix}`) ?? '').trim();
    const [day, month, year] = [part('day'), part('month'), part('year')];
    delete values[`${name}-day`];
    delete values[`${name}-month`];
    delete values[`${name}-year`];
    if (day || month || year) values[name] = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return values;
}

/** A refusal's parameters in the page's language (dates written out, codes as words). */
export function localised(params: Record<string, string | number>, language: Language) {
  return localiseParams(params, language);
}
