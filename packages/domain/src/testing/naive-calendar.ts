/**
 * A deliberately naive working-day calendar for tests: it walks day by day
 * with JavaScript `Date`s and reads the raw GOV.UK rows, sharing no code
 * with the precomputed calendar it checks.
 */
import { UK_BANK_HOLIDAYS } from '../calendar/data/uk-bank-holidays';
import type { CalendarId, ClosureDay } from '../calendar/working-day-calendar';

export function naiveHolidaySet(id: CalendarId, closureDays: readonly ClosureDay[] = []): Set<string> {
  const divisions = id === 'foi' ? (['england-and-wales', 'scotland', 'northern-ireland'] as const) : ([id] as const);
  const set = new Set<string>();
  for (const division of divisions) for (const [date] of UK_BANK_HOLIDAYS[division]) set.add(date);
  for (const closure of closureDays) set.add(closure.date);
  return set;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function naiveIsWorkingDay(holidays: Set<string>, date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

export function naiveAddWorkingDays(holidays: Set<string>, date: string, days: number): string {
  let current = date;
  let counted = 0;
  while (counted < days) {
    current = nextDay(current);
    if (naiveIsWorkingDay(holidays, current)) counted += 1;
  }
  return current;
}
