import { z } from 'zod';
import { CASE_TYPES, LEARNING_ACTION_STATUSES } from '../vocabulary';
import { ZId, ZIsoDate, zChoice, zText } from './primitives';

/**
 * Staff inputs other than lifecycle commands (those are in
 * `case-commands.ts`): triage, advocacy, learning actions.
 */

/** Triage: the case's type and framework, and where it belongs (rules.md "Organisation": per-council reference data). */
export const ZTriageCaseInput = z.object({
  type: zChoice(CASE_TYPES),
  framework: zChoice(['statutory', 'corporate', 'foi', 'none']),
  divisionId: ZId.optional(),
  serviceId: ZId.optional(),
  themeIds: z.array(ZId).max(10, { error: 'errors.list.tooLong' }).default([]),
  localityId: ZId.optional(),
});
export type TTriageCaseInput = z.infer<typeof ZTriageCaseInput>;

/**
 * A learning action from a complaint found at fault (see OUTCOMES_WITH_LEARNING): owner, due
 * date, status, and the date the complainant was told what changed (seed
 * 002's panel found learning actioned but never told).
 */
export const ZLearningActionInput = z
  .object({
    description: zText({ max: 2000 }),
    ownerId: ZId,
    dueOn: ZIsoDate,
    status: zChoice(LEARNING_ACTION_STATUSES),
    complainantToldOn: ZIsoDate.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.complainantToldOn && input.status !== 'done')
      ctx.addIssue({ code: 'custom', message: 'errors.invalid', path: ['complainantToldOn'] });
  });
export type TLearningActionInput = z.infer<typeof ZLearningActionInput>;

/** A council closure day (e.g. between Christmas and New Year): not a working day of the council's calendar. */
export const ZClosureDayInput = z.object({ date: ZIsoDate, name: zText({ max: 100 }) });
export type TClosureDayInput = z.infer<typeof ZClosureDayInput>;
