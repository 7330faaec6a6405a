import type { BankHolidayDivision } from '../calendar/bank-holidays';
import { formatDate, formatMessage } from '../schemas/messages';
import type { DomainMessage, DomainMessageKey } from '../schemas/messages';
import type { Language } from '../vocabulary';
import type { Deadline, DeadlineExplanation } from './compute-deadline';
import type { RagStatus } from './rag';

function placeKey(divisions: readonly BankHolidayDivision[]): DomainMessageKey {
  const has = (d: BankHolidayDivision) => divisions.includes(d);
  const ew = has('england-and-wales');
  const s = has('scotland');
  const ni = has('northern-ireland');
  if (ew && s && ni) return 'place.uk';
  if (ew && s) return 'place.england-and-wales+scotland';
  if (ew && ni) return 'place.england-and-wales+northern-ireland';
  if (s && ni) return 'place.scotland+northern-ireland';
  if (s) return 'place.scotland';
  if (ni) return 'place.northern-ireland';
  return 'place.england-and-wales';
}

function sourceText(explanation: Pick<DeadlineExplanation, 'source'>, language: Language): string {
  // Legal citations are quoted as published; the council's own rules are introduced as such.
  return explanation.source.kind === 'council'
    ? formatMessage(language, 'deadline.source.council', { citation: explanation.source.citation })
    : explanation.source.citation;
}

/**
 * A deadline's explanation as messages, with their parameters already in the
 * person's language (dates written out, holiday and place names in Welsh for
 * `cy`), ready for `formatMessage` or i18next's `t(key, params)`: the start
 * (day 0), the rule and its source, the calendar, any extension, each day
 * not counted and why (weekends as one count), and the result.
 *
 * @example describeDeadline(deadline, 'en').map((m) => formatMessage('en', m.key, m.params))
 * // ['Received on 28 March 2024: this is day 0.', 'Time limit: 10 working days (...).', ...,
 * //  'Not counted: 29 March 2024, Good Friday (bank holiday).', ..., 'Deadline: Monday 15 April 2024.']
 */
export function describeDeadline(deadline: Deadline, language: Language): DomainMessage[] {
  const date = (d: string) => formatDate(d, language, { weekday: false });
  switch (deadline.status) {
    case 'none':
      return [{ key: deadline.reason === 'stage_not_offered' ? 'deadline.none.stageNotOffered' : 'deadline.none', params: {} }];
    case 'paused':
      return [{ key: 'deadline.paused.fee_notice', params: { date: date(deadline.pausedFrom), remaining: deadline.remaining } }];
    case 'awaiting': {
      if (deadline.awaiting === 'acknowledged') {
        return deadline.provisionalDueOn
          ? [{ key: 'deadline.awaiting.acknowledgedProvisional', params: { date: formatDate(deadline.provisionalDueOn, language) } }]
          : [{ key: 'deadline.awaiting.acknowledged', params: {} }];
      }
      const key: DomainMessageKey =
        deadline.awaiting === 'statement_agreed'
          ? 'deadline.awaiting.statement_agreed'
          : deadline.awaiting === 'clarification'
            ? 'deadline.awaiting.clarification'
            : deadline.awaiting === 'panel_held'
              ? 'deadline.awaiting.panel_held'
              : 'deadline.awaiting.findings_issued';
      return [{ key, params: { limit: deadline.clock.limit } }];
    }
    case 'due':
      return deadline.explanation
        ? describeExplanation(deadline.explanation, language)
        : [{ key: 'deadline.result', params: { date: formatDate(deadline.dueOn, language) } }];
  }
}

/** `describeDeadline` for an explanation. */
export function describeExplanation(explanation: DeadlineExplanation, language: Language): DomainMessage[] {
  const date = (d: string) => formatDate(d, language, { weekday: false });
  const messages: DomainMessage[] = [];
  messages.push({ key: `deadline.start.${explanation.start.anchor}`, params: { date: date(explanation.start.date) } });
  messages.push({
    key: explanation.unit === 'working' ? 'deadline.rule.working' : 'deadline.rule.calendar',
    params: { limit: explanation.extension ? explanation.extension.from : explanation.limit, source: sourceText(explanation, language) },
  });
  if (explanation.unit === 'working') {
    messages.push({ key: `deadline.calendar.${explanation.calendar}`, params: {} });
    if (explanation.calendarHasClosures) messages.push({ key: 'deadline.calendar.closures', params: {} });
  }
  if (explanation.extension) {
    const { from, to, agreedOn, reason } = explanation.extension;
    if (agreedOn) messages.push({ key: 'deadline.extended', params: { from, to, date: date(agreedOn) } });
    else messages.push({ key: 'deadline.extended.complex', params: { to } });
    if (reason) messages.push({ key: 'deadline.extension.reason', params: { reason } });
  }
  const weekends = explanation.skipped.filter((s) => s.reason === 'weekend').length;
  if (weekends > 0) messages.push({ key: 'deadline.skipped.weekends', params: { count: weekends } });
  let pauseRun: { from: string; to: string } | null = null;
  const flushPause = () => {
    if (pauseRun) messages.push({ key: 'deadline.skipped.paused', params: { from: date(pauseRun.from), to: date(pauseRun.to) } });
    pauseRun = null;
  };
  for (const day of explanation.skipped) {
    if (day.reason === 'paused') {
      pauseRun = pauseRun ? { from: pauseRun.from, to: day.date } : { from: day.date, to: day.date };
      continue;
    }
    flushPause();
    if (day.reason === 'bank_holiday') {
      const name = language === 'cy' ? day.nameCy : day.name;
      // On the council's own calendar the place goes without saying; on FOI's all-UK one it is the point.
      if (explanation.calendar === 'foi' && day.divisions.length < 3) {
        messages.push({
          key: 'deadline.skipped.bankHolidayIn',
          params: { date: date(day.date), name, where: formatMessage(language, placeKey(day.divisions)) },
        });
      } else {
        messages.push({ key: 'deadline.skipped.bankHoliday', params: { date: date(day.date), name } });
      }
    } else if (day.reason === 'closure') {
      messages.push({ key: 'deadline.skipped.closure', params: { date: date(day.date), name: day.name } });
    }
  }
  flushPause();
  if (!explanation.holidayDataComplete) {
    messages.push({ key: 'deadline.warning.beyondHolidayData', params: { date: date(explanation.holidayDataEndsOn) } });
  }
  messages.push({ key: 'deadline.result', params: { date: formatDate(explanation.dueOn, language) } });
  return messages;
}

/**
 * `describeDeadline`, rendered as lines of text.
 *
 * @example renderDeadline(deadline, 'cy').at(-1) // 'Dyddiad cau: Dydd Llun 15 Ebrill 2024.'
 */
export function renderDeadline(deadline: Deadline, language: Language): string[] {
  return describeDeadline(deadline, language).map((message) => formatMessage(language, message.key, message.params));
}

/**
 * The label of a RAG status, as a message.
 *
 * @example formatMessage('cy', describeRagStatus('red').key) // 'Yn hwyr'
 */
export function describeRagStatus(status: RagStatus): DomainMessage {
  return { key: `rag.${status}`, params: {} };
}
