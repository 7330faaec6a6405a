import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { isWorkingDay } from '../calendar/working-day-calendar';
import { BASE_POLICY } from '../policy/default-policies';
import { createCaseRules, resolvePolicy } from '../policy/resolve-policy';
import type { ClockKind } from '../policy/timescale-policy';
import { naiveAddWorkingDays, naiveHolidaySet, naiveIsWorkingDay } from '../testing/naive-calendar';
import { CASE_TYPES, COMPLAINT_STAGES, FOI_STAGES } from '../vocabulary';
import type { CaseType, Stage } from '../vocabulary';
import { computeDeadline } from './compute-deadline';
import type { CaseClockFacts } from './compute-deadline';
import { countForwardDates } from './count-days';

// 2019-2029: the years `heard due` must answer for, with every holiday known.
const arbDate = fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2029-12-31') }).map(fromDayNumber);
const arbTypeStage: fc.Arbitrary<{ type: CaseType; stage: Stage | null }> = fc
  .constantFrom(...CASE_TYPES)
  .chain((type): fc.Arbitrary<{ type: CaseType; stage: Stage | null }> => {
    if (type === 'children_act_complaint' || type === 'corporate_complaint')
      return fc.constantFrom(...COMPLAINT_STAGES).map((stage) => ({ type, stage }));
    if (type === 'foi_request') return fc.constantFrom(...FOI_STAGES).map((stage) => ({ type, stage }));
    return fc.constant({ type, stage: null });
  });
const arbKind = fc.constantFrom<ClockKind>('acknowledgement', 'response', 'panel', 'panel_findings');
const arbFacts: fc.Arbitrary<CaseClockFacts> = fc
  .record({
    typeStage: arbTypeStage,
    receivedOn: arbDate,
    gap: fc.integer({ min: 0, max: 30 }),
    complex: fc.boolean(),
  })
  .map(({ typeStage, receivedOn, gap, complex }) => {
    const later = fromDayNumber(toDayNumber(receivedOn) + gap);
    return {
      ...typeStage,
      receivedOn,
      acknowledgedOn: later,
      statementAgreedOn: later,
      panelHeldOn: later,
      findingsIssuedOn: later,
      complex,
    };
  });

describe('deadlines (properties)', () => {
  it('a working-day deadline always falls on a working day of its calendar', () => {
    fc.assert(
      fc.property(arbFacts, arbKind, (facts, kind) => {
        const rules = createCaseRules(resolvePolicy(facts.receivedOn));
        const deadline = computeDeadline(facts, kind, rules, { explain: false });
        if (deadline.status !== 'due' || deadline.clock.unit !== 'working') return;
        const calendar = deadline.clock.calendar === 'foi' ? rules.calendars.foi : rules.calendars.council;
        expect(isWorkingDay(calendar, deadline.dueOn)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the receipt date', () => {
    fc.assert(
      fc.property(arbTypeStage, arbDate, arbDate, (typeStage, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const rules = createCaseRules(BASE_POLICY);
        const d1 = computeDeadline({ ...typeStage, receivedOn: early }, 'response', rules, { explain: false });
        const d2 = computeDeadline({ ...typeStage, receivedOn: late }, 'response', rules, { explain: false });
        if (d1.status === 'due' && d2.status === 'due') expect(d1.dueOn <= d2.dueOn).toBe(true);
      }),
    );
  });

  it('an extension never brings a deadline earlier, and is monotonic in the extended limit', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 10, max: 20 }), fc.integer({ min: 10, max: 20 }), (receivedOn, x, y) => {
        const rules = createCaseRules(BASE_POLICY);
        const facts: CaseClockFacts = { type: 'children_act_complaint', stage: '1', receivedOn };
        const at = (limit: number) => {
          const d = computeDeadline({ ...facts, extension: { limit, agreedOn: receivedOn, reason: 'r' } }, 'response', rules, {
            explain: false,
          });
          return d.status === 'due' ? d.dueOn : '';
        };
        const plain = computeDeadline(facts, 'response', rules, { explain: false });
        expect(plain.status === 'due' && plain.dueOn <= at(x)).toBe(true);
        if (x <= y) expect(at(x) <= at(y)).toBe(true);
      }),
    );
  });

  it('agrees with a naive day-by-day count (England and Wales and FOI)', () => {
    const ew = naiveHolidaySet('england-and-wales');
    const foi = naiveHolidaySet('foi');
    fc.assert(
      fc.property(
        arbDate,
        fc.constantFrom('mp_enquiry', 'foi_request') as fc.Arbitrary<'mp_enquiry' | 'foi_request'>,
        (receivedOn, type) => {
          const rules = createCaseRules(BASE_POLICY);
          const deadline = computeDeadline({ type, stage: type === 'foi_request' ? 'request' : null, receivedOn }, 'response', rules);
          const expected = type === 'foi_request' ? naiveAddWorkingDays(foi, receivedOn, 20) : naiveAddWorkingDays(ew, receivedOn, 10);
          expect(deadline.status === 'due' && deadline.dueOn).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pauses: agrees with a naive count that skips paused and non-working days', () => {
    const foi = naiveHolidaySet('foi');
    const rules = createCaseRules(BASE_POLICY);
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.record({ offset: fc.integer({ min: -5, max: 60 }), length: fc.integer({ min: 0, max: 15 }) }), { maxLength: 3 }),
        (start, days, rawPauses) => {
          const startDay = toDayNumber(start);
          const pauses = rawPauses.map((p) => ({
            from: fromDayNumber(startDay + p.offset),
            to: fromDayNumber(startDay + p.offset + p.length),
          }));
          const result = countForwardDates(rules.calendars.foi, 'working', start, days, pauses);
          let current = startDay;
          let counted = 0;
          while (counted < days) {
            current += 1;
            const date = fromDayNumber(current);
            const paused = pauses.some((p) => date >= p.from && date <= (p.to ?? date));
            if (!paused && naiveIsWorkingDay(foi, date)) counted += 1;
          }
          expect(result).toEqual({ due: fromDayNumber(current) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the explanation accounts for every day: counted days equal the limit', () => {
    fc.assert(
      fc.property(arbFacts, (facts) => {
        const rules = createCaseRules(resolvePolicy(facts.receivedOn));
        const deadline = computeDeadline(facts, 'response', rules);
        if (deadline.status !== 'due' || !deadline.explanation) return;
        const { start, skipped, dueOn, limit } = deadline.explanation;
        const span = toDayNumber(dueOn) - toDayNumber(start.date);
        expect(span - skipped.length).toBe(limit);
        expect(skipped.every((s) => s.date > start.date && s.date < dueOn)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
