import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { rulesForCase } from '../policy/resolve-policy';
import type { CaseRules } from '../policy/resolve-policy';
import { ZCaseState } from '../schemas/case-state-schema';
import { isDomainMessageKey } from '../schemas/messages';
import {
  CASE_TYPES,
  COMPLAINT_STAGES,
  FINDINGS,
  FOI_STAGES,
  OMBUDSMAN_DECISIONS,
  OMBUDSMAN_OUTCOMES,
  OUTCOMES,
  OUT_OF_REMIT_REASONS,
  REQUEST_DECISIONS,
} from '../vocabulary';
import type { CaseType, Stage } from '../vocabulary';
import { checkCaseInvariants, createCaseState } from './case-state';
import type { CaseState } from './case-state';
import { transitionCase } from './transition-case';

const officers = ['officer-a', 'officer-b', 'officer-c'];
// Mostly today or a few days ago; sometimes in the future or long ago, to be refused.
const arbOffset = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 8 },
  { arbitrary: fc.integer({ min: -3, max: 40 }), weight: 2 },
);

const arbPoints = fc.array(fc.record({ summary: fc.constant('A point'), finding: fc.constantFrom(...FINDINGS) }), {
  minLength: 1,
  maxLength: 4,
});
const w = <T>(arbitrary: fc.Arbitrary<T>, weight: number) => ({ arbitrary, weight });

/**
 * A command, weighted towards what moves a case forward, so that walks reach
 * responses, escalations, panels and the Ombudsman; `on` is added per step.
 */
const arbCommand = fc.oneof(
  w(fc.record({ type: fc.constant('acknowledge') }), 6),
  w(fc.record({ type: fc.constant('assign'), officerId: fc.constantFrom(...officers) }), 6),
  w(
    fc.record({
      type: fc.constant('extend'),
      limit: fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined }),
      agreedOn: fc.constant('@'),
      reason: fc.constant('Complex'),
    }),
    3,
  ),
  w(
    fc.record({
      type: fc.constant('respond'),
      points: arbPoints,
      responderId: fc.option(fc.constantFrom(...officers), { nil: undefined }),
    }),
    8,
  ),
  w(
    fc.record({
      type: fc.constant('respond'),
      outcome: fc.constantFrom('provided', 'withheld', 'resolved_on_receipt', 'local_resolution'),
    }),
    4,
  ),
  w(
    fc.record({
      type: fc.constant('respond'),
      points: fc.option(arbPoints, { nil: undefined }),
      outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: undefined }),
      responderId: fc.option(fc.constantFrom(...officers), { nil: undefined }),
    }),
    2,
  ),
  w(fc.record({ type: fc.constant('close') }), 2),
  w(fc.record({ type: fc.constant('withdraw'), reason: fc.option(fc.constant('Changed my mind'), { nil: undefined }) }), 1),
  w(
    fc.record({
      type: fc.constant('mark_out_of_remit'),
      reason: fc.constantFrom(...OUT_OF_REMIT_REASONS),
      signposting: fc.constant('Another council'),
    }),
    1,
  ),
  w(fc.record({ type: fc.constant('put_on_hold'), reason: fc.constant('Waiting') }), 1),
  w(fc.record({ type: fc.constant('resume') }), 3),
  w(fc.record({ type: fc.constant('request_next_stage'), lateReason: fc.option(fc.constant('Was in hospital'), { nil: undefined }) }), 8),
  w(
    fc.record({
      type: fc.constant('decide_request'),
      decision: fc.constantFrom(...REQUEST_DECISIONS),
      reason: fc.option(fc.constant('Reason'), { nil: undefined }),
    }),
    4,
  ),
  w(fc.record({ type: fc.constant('decide_request'), decision: fc.constant('accepted') }), 4),
  w(fc.record({ type: fc.constant('agree_statement') }), 3),
  w(fc.record({ type: fc.constant('record_panel') }), 3),
  w(fc.record({ type: fc.constant('record_panel_findings') }), 3),
  w(fc.record({ type: fc.constant('refer_to_ombudsman') }), 2),
  w(fc.record({ type: fc.constant('record_ombudsman_decision'), decision: fc.constantFrom(...OMBUDSMAN_DECISIONS) }), 2),
  w(fc.record({ type: fc.constant('record_ombudsman_outcome'), outcome: fc.constantFrom(...OMBUDSMAN_OUTCOMES) }), 2),
  w(fc.record({ type: fc.constant('request_clarification') }), 2),
  w(fc.record({ type: fc.constant('receive_clarification') }), 2),
  w(fc.record({ type: fc.constant('issue_fee_notice') }), 2),
  w(fc.record({ type: fc.constant('record_fee_paid') }), 2),
  // and things that are not commands at all
  w(fc.record({ type: fc.constantFrom('explode', 'ACKNOWLEDGE', '') }), 1),
  w(
    fc.anything().map((value) => ({ type: 'junk', value })),
    1,
  ),
);

const arbStep = fc.record({ command: arbCommand, gap: fc.integer({ min: 0, max: 8 }), on: fc.option(arbOffset, { nil: undefined }) });

// Complaints and FOI requests have the most transitions: start there more often, mostly at their first stage.
const arbStart: fc.Arbitrary<{ type: CaseType; stage: Stage | null; receivedOn: string }> = fc
  .record({
    type: fc.oneof(
      w(fc.constantFrom<CaseType>('children_act_complaint', 'corporate_complaint'), 6),
      w(fc.constant<CaseType>('foi_request'), 3),
      w(fc.constantFrom(...CASE_TYPES), 2),
    ),
    firstStage: fc.boolean(),
    stageIndex: fc.nat(),
    day: fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2029-06-30') }),
  })
  .map(({ type, firstStage, stageIndex, day }) => {
    const stages: readonly (Stage | null)[] =
      type === 'children_act_complaint' || type === 'corporate_complaint' ? COMPLAINT_STAGES : type === 'foi_request' ? FOI_STAGES : [null];
    return { type, stage: firstStage ? (stages[0] ?? null) : (stages[stageIndex % stages.length] ?? null), receivedOn: fromDayNumber(day) };
  });

function checkState(state: CaseState): void {
  expect(ZCaseState.safeParse(state).success).toBe(true);
  expect(checkCaseInvariants(state)).toEqual([]);
}

const rulesCache = new Map<string, CaseRules>();
function rulesFor(policyDate: string): CaseRules {
  let rules = rulesCache.get(policyDate);
  if (!rules) {
    rules = rulesForCase({ receivedOn: policyDate });
    rulesCache.set(policyDate, rules);
  }
  return rules;
}

/** Walks a case through the steps, checking every result; follows a spawned stage when one opens. */
function walk(
  start: { type: CaseType; stage: Stage | null; receivedOn: string },
  steps: { command: unknown; gap: number; on: number | undefined }[],
): void {
  let state = createCaseState({ ...start, framework: 'corporate' });
  let today = start.receivedOn;
  checkState(state);
  for (const step of steps) {
    today = fromDayNumber(toDayNumber(today) + step.gap);
    const on = step.on === undefined ? undefined : fromDayNumber(toDayNumber(today) - step.on);
    const command: Record<string, unknown> = { ...(step.command as Record<string, unknown>) };
    if (command.agreedOn === '@') command.agreedOn = on ?? today;
    if (on !== undefined) command.on = on;
    const result = transitionCase(state, command, today, rulesFor(state.policyDate));
    if (!result.ok) {
      expect(isDomainMessageKey(result.refusal.key)).toBe(true);
      continue;
    }
    checkState(result.state);
    for (const event of result.events) expect(typeof event.type).toBe('string');
    state = result.state;
    if (result.spawned) {
      checkState(result.spawned);
      expect(result.spawned.policyDate).toBe(state.policyDate);
      state = result.spawned;
    }
  }
}

/** Statutory Stage 2 and 3: requests, statements, panels. */
const arbStatutoryStart = fc
  .record({ stage: fc.constantFrom<Stage>('2', '3'), day: fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2029-06-30') }) })
  .map(({ stage, day }) => ({ type: 'children_act_complaint' as CaseType, stage, receivedOn: fromDayNumber(day) }));
const arbStatutoryStep = fc.record({
  command: fc.oneof(
    w(fc.record({ type: fc.constant('decide_request'), decision: fc.constant('accepted') }), 3),
    w(
      fc.record({ type: fc.constant('decide_request'), decision: fc.constantFrom(...REQUEST_DECISIONS), reason: fc.constant('Reason') }),
      1,
    ),
    w(fc.record({ type: fc.constantFrom('agree_statement', 'record_panel', 'record_panel_findings', 'acknowledge', 'resume') }), 6),
    w(fc.record({ type: fc.constant('assign'), officerId: fc.constantFrom(...officers) }), 2),
    w(fc.record({ type: fc.constant('extend'), agreedOn: fc.constant('@'), reason: fc.constant('Complex') }), 2),
    w(fc.record({ type: fc.constant('respond'), points: arbPoints }), 3),
    w(fc.record({ type: fc.constantFrom('request_next_stage', 'refer_to_ombudsman', 'close') }), 2),
  ),
  gap: fc.integer({ min: 0, max: 8 }),
  on: fc.option(arbOffset, { nil: undefined }),
});

describe('transitionCase (properties)', () => {
  it('every command yields a valid state or a refusal with a message key, never an exception', () => {
    fc.assert(fc.property(arbStart, fc.array(arbStep, { minLength: 1, maxLength: 40, size: 'large' }), walk), { numRuns: 400 });
  });

  it('the same through statutory Stage 2 requests and Stage 3 panels', () => {
    fc.assert(fc.property(arbStatutoryStart, fc.array(arbStatutoryStep, { minLength: 1, maxLength: 30, size: 'large' }), walk), {
      numRuns: 200,
    });
  });

  it('a refused command leaves the case as it was', () => {
    fc.assert(
      fc.property(arbStart, arbCommand, (start, command) => {
        const state = createCaseState({ ...start, framework: 'corporate' });
        const snapshot = structuredClone(state);
        transitionCase(state, command, start.receivedOn, rulesFor(state.policyDate));
        expect(state).toEqual(snapshot);
      }),
    );
  });
});
