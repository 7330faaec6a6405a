import { financialYearOf, isIsoDate, toUkDate, type CellQuery } from '@heard/domain';

/**
 * The report pages' parameters, read from the address (GET forms work without
 * JavaScript): `year`, `quarter` (empty for the whole year) and `asOf`.
 */
export type ReportParams = { year: number; quarter: 1 | 2 | 3 | 4 | null; asOf: string | null };
export type ReportParamErrors = Partial<Record<'year' | 'quarter' | 'asOf', string>>;

export function readReportParams(url: URL, now: Date = new Date()): { params: ReportParams; errors: ReportParamErrors; values: { year: string; quarter: string; asOf: string } } {
  const values = {
    year: url.searchParams.get('year') ?? '',
    quarter: url.searchParams.get('quarter') ?? '',
    asOf: (url.searchParams.get('asOf') ?? '').trim(),
  };
  const errors: ReportParamErrors = {};
  const defaultYear = financialYearOf(toUkDate(now));
  const year = values.year === '' ? defaultYear : Number(values.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) errors.year = 'reports.errors.year';
  const quarter = values.quarter === '' ? null : Number(values.quarter);
  if (quarter !== null && ![1, 2, 3, 4].includes(quarter)) errors.quarter = 'reports.errors.quarter';
  if (values.asOf !== '' && !isIsoDate(values.asOf)) errors.asOf = 'reports.errors.asOf';
  return {
    params: { year: Number.isInteger(year) ? year : defaultYear, quarter: quarter as ReportParams['quarter'], asOf: values.asOf === '' ? null : values.asOf },
    errors,
    values: { ...values, year: values.year === '' ? String(defaultYear) : values.year },
  };
}

/** The financial years offered in the form: this one and the ten before it. */
export function yearChoices(now: Date = new Date()): number[] {
  const current = financialYearOf(toUkDate(now));
  return Array.from({ length: 11 }, (_, i) => current - i);
}

/** The address of the cases behind a figure. */
export function drillDownHref(query: CellQuery, asOf: string, back: string): string {
  const params = new URLSearchParams({ q: JSON.stringify(query), asOf, back });
  return `/reports/cases?${params.toString()}`;
}
