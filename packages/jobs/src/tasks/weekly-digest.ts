import { jobsRepository, outboxRepository, type HeardDatabase } from '@heard/db';
import { addCalendarDays, addWorkingDays, financialYearOf, isWorkingDay, quarterOf, quarterRange, weekdayOf, workingDaysBetween } from '@heard/domain';
import type { TDigestPayload } from '../templates/render';
import { loadCouncilRules } from './council-rules';

export type DigestRun = { status: 'not_today' } | { status: 'already_ran' } | { status: 'done'; messages: number; digest: Omit<TDigestPayload, 'name'> };

const LIST_LIMIT = 50;

/**
 * The weekly tracker for the management team (rules.md: "the directorate
 * management team reviews the tracker weekly"): open cases by division and
 * RAG, the overdue list, cases due next week, and the quarter so far. Sent on
 * the first working day of each week (Monday, or Tuesday after a bank
 * holiday) to every active management viewer, in their language; the key
 * `digest:<person>:<Monday>` makes it once a week, however often it runs.
 */
export async function runWeeklyDigest(database: HeardDatabase, options: { councilId: string; today: string; force?: boolean }): Promise<DigestRun> {
  const { councilId, today } = options;
  return database.withCouncil(councilId, async (tx) => {
    const { rules } = await loadCouncilRules(tx, councilId, today);
    const calendar = rules.calendars.council;
    const monday = addCalendarDays(today, 1 - weekdayOf(today));
    if (!options.force && !isFirstWorkingDayOfWeek(calendar, monday, today)) return { status: 'not_today' } as const;
    const jobs = jobsRepository(tx);
    if (!options.force && (await jobs.hasRun('digest', today))) return { status: 'already_ran' } as const;

    // RAG as the domain defines it: amber while at most N working days away (ragStatus).
    const amberBefore = addWorkingDays(calendar, today, rules.policy.amberWithinWorkingDays + 1);
    const nextMonday = addCalendarDays(monday, 7);
    const nextSunday = addCalendarDays(monday, 13);
    const quarter = quarterOf(today);
    const range = quarterRange(financialYearOf(today), quarter);
    const [byDivision, overdue, dueNextWeek, figures] = await Promise.all([
      jobs.countOpenByDivisionAndRag(today, amberBefore),
      jobs.listDueBetween(null, addCalendarDays(today, -1), LIST_LIMIT),
      jobs.listDueBetween(nextMonday, nextSunday, LIST_LIMIT),
      jobs.quarterFigures(range.from, today),
    ]);
    const digest: Omit<TDigestPayload, 'name'> = {
      today,
      weekOf: monday,
      byDivision,
      overdue: overdue.cases.map((c) => ({ ...c, workingDays: workingDaysBetween(calendar, c.dueOn, today) })),
      overdueTotal: overdue.total,
      dueNextWeek: dueNextWeek.cases,
      dueNextWeekTotal: dueNextWeek.total,
      quarter: { label: range.label, from: range.from, ...figures },
    };
    const recipients = await jobs.listRoleHolders('management_viewer');
    const outbox = outboxRepository(tx);
    let messages = 0;
    const seen = new Set<string>();
    for (const person of recipients) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      const queued = await outbox.queue({
        councilId,
        caseId: null,
        channel: 'email',
        recipient: person.email,
        template: 'weekly_digest',
        language: person.language,
        payload: { ...digest, name: person.displayName },
        idempotencyKey: `digest:${person.id}:${monday}`,
      });
      if (queued) messages += 1;
    }
    await jobs.recordRun(councilId, 'digest', today, { messages });
    return { status: 'done', messages, digest } as const;
  });
}

function isFirstWorkingDayOfWeek(calendar: Parameters<typeof isWorkingDay>[0], monday: string, today: string): boolean {
  if (!isWorkingDay(calendar, today)) return false;
  for (let day = monday; day < today; day = addCalendarDays(day, 1)) if (isWorkingDay(calendar, day)) return false;
  return true;
}
