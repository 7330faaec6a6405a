import { z } from 'zod';
import { HOME_CALENDAR_IDS } from '../calendar/working-day-calendar';
import { ZIsoDate, zChoice, zText, zWholeNumber } from '../schemas/primitives';
import { CLOCK_ANCHORS, CLOCK_CALENDARS, DAY_UNITS, RULE_SOURCE_KINDS, TIMESCALE_KEYS } from './timescale-policy';
import type { TimescaleKey } from './timescale-policy';

/** A number of days in a time limit: 1 to 365. */
const ZLimit = z
  .number({ error: 'errors.policy.days' })
  .int({ error: 'errors.policy.days' })
  .min(1, { error: 'errors.policy.days' })
  .max(365, { error: 'errors.policy.days' });

export const ZRuleSource = z.object({
  kind: zChoice(RULE_SOURCE_KINDS),
  citation: zText({ max: 300 }),
});

const ZHomeCalendar = zChoice(HOME_CALENDAR_IDS);

/** A complete time limit (see `Clock`). */
export const ZClock = z
  .object({
    limit: ZLimit,
    unit: zChoice(DAY_UNITS),
    calendar: zChoice(CLOCK_CALENDARS),
    from: zChoice(CLOCK_ANCHORS),
    extension: z.object({ allowed: z.boolean(), limit: ZLimit }),
    source: ZRuleSource,
  })
  .superRefine((clock, ctx) => {
    if (clock.extension.limit < clock.limit) {
      ctx.addIssue({
        code: 'custom',
        message: 'errors.policy.extensionShorter',
        path: ['extension', 'limit'],
        params: { limit: clock.limit },
      });
    }
  });

export const ZStageTimescale = z.object({
  acknowledgement: ZClock.nullable(),
  response: ZClock.nullable(),
  panel: ZClock.nullable(),
  panelFindings: ZClock.nullable(),
  independentResponder: z.boolean(),
});

export const ZWindowRule = z.object({ limit: ZLimit, unit: zChoice(DAY_UNITS), source: ZRuleSource });

/** Statutory Stage 2 awaiting its agreed statement: remind after `limit` working days, and again every `limit` when `repeat`. */
export const ZStatementReminderRule = z.object({ limit: ZLimit, repeat: z.boolean(), source: ZRuleSource });

const timescaleShape = Object.fromEntries(TIMESCALE_KEYS.map((key) => [key, ZStageTimescale.nullable()])) as {
  [K in TimescaleKey]: z.ZodNullable<typeof ZStageTimescale>;
};

/** A complete, valid timescale policy. */
export const ZTimescalePolicy = z.object({
  name: zText({ max: 200 }),
  effectiveFrom: ZIsoDate,
  calendar: ZHomeCalendar,
  amberWithinWorkingDays: zWholeNumber(0, 30),
  escalationWindow: ZWindowRule,
  foiInternalReviewWindow: ZWindowRule,
  foi: z.object({
    clarificationRestartsClock: z.boolean(),
    feeNoticePausesClock: z.boolean(),
    feeNoticeLapsesAfterMonths: zWholeNumber(1, 24),
  }),
  statutoryTimeLimitMonths: zWholeNumber(1, 120),
  ombudsmanTimeLimitMonths: zWholeNumber(1, 120),
  retentionYears: zWholeNumber(1, 100),
  statementReminder: ZStatementReminderRule.nullable(),
  timescales: z.object(timescaleShape).strict(),
});
export type TTimescalePolicy = z.infer<typeof ZTimescalePolicy>;

const ZClockOverride = z
  .object({
    limit: ZLimit.optional(),
    unit: zChoice(DAY_UNITS).optional(),
    calendar: zChoice(CLOCK_CALENDARS).optional(),
    from: zChoice(CLOCK_ANCHORS).optional(),
    extension: z.object({ allowed: z.boolean().optional(), limit: ZLimit.optional() }).strict().optional(),
    source: ZRuleSource.optional(),
  })
  .strict();

const ZStageTimescaleOverride = z
  .object({
    acknowledgement: ZClockOverride.nullable().optional(),
    response: ZClockOverride.nullable().optional(),
    panel: ZClockOverride.nullable().optional(),
    panelFindings: ZClockOverride.nullable().optional(),
    independentResponder: z.boolean().optional(),
  })
  .strict();

const timescaleOverrideShape = Object.fromEntries(TIMESCALE_KEYS.map((key) => [key, ZStageTimescaleOverride.nullable().optional()])) as {
  [K in TimescaleKey]: z.ZodOptional<z.ZodNullable<typeof ZStageTimescaleOverride>>;
};

/**
 * What a council changes, any part of the policy, e.g. seed 002's corporate
 * Stage 1 of 28 calendar days:
 * `{ timescales: { 'corporate_complaint.1': { response: { limit: 28, unit: 'calendar' } } } }`.
 */
export const ZTimescalePolicyOverride = z
  .object({
    name: zText({ max: 200 }).optional(),
    calendar: ZHomeCalendar.optional(),
    amberWithinWorkingDays: zWholeNumber(0, 30).optional(),
    escalationWindow: ZWindowRule.partial().strict().optional(),
    foiInternalReviewWindow: ZWindowRule.partial().strict().optional(),
    foi: z
      .object({
        clarificationRestartsClock: z.boolean(),
        feeNoticePausesClock: z.boolean(),
        feeNoticeLapsesAfterMonths: zWholeNumber(1, 24),
      })
      .partial()
      .strict()
      .optional(),
    statutoryTimeLimitMonths: zWholeNumber(1, 120).optional(),
    ombudsmanTimeLimitMonths: zWholeNumber(1, 120).optional(),
    retentionYears: zWholeNumber(1, 100).optional(),
    statementReminder: ZStatementReminderRule.partial().strict().nullable().optional(),
    timescales: z.object(timescaleOverrideShape).strict().optional(),
  })
  .strict();
export type TTimescalePolicyOverride = z.infer<typeof ZTimescalePolicyOverride>;

/** One dated version of a council's override. */
export const ZPolicyVersion = z.object({ effectiveFrom: ZIsoDate, override: ZTimescalePolicyOverride }).strict();
export type TPolicyVersion = z.infer<typeof ZPolicyVersion>;
