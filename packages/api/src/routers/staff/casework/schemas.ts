import { z } from 'zod';
import {
  CASE_TYPES,
  CHANNELS,
  FINDINGS,
  STAGES,
  ZId,
  ZIsoDate,
  zChoice,
  zOptionalText,
  zText,
} from '@heard/domain';

/**
 * Inputs of the staff procedures that are not lifecycle commands as such
 * (those come from the domain's `case-commands.ts` and are wrapped with the
 * case's id). Every message is a key translated in English and Welsh.
 */
export const ZCaseId = z.object({ caseId: ZId });
export type TCaseId = z.infer<typeof ZCaseId>;

export const ZOn = ZIsoDate.optional();

/** A letter to record as sent with the action (from a template, in a language). */
export const ZLetterChoice = z.object({
  templateId: z.string({ error: 'casework.errors.templateRequired' }).trim().min(1, { error: 'casework.errors.templateRequired' }).max(100),
  language: z.enum(['en', 'cy'], { error: 'errors.choice.required' }),
});
export type TLetterChoice = z.infer<typeof ZLetterChoice>;

export const ZPointsInput = ZCaseId.extend({
  points: z
    .array(
      z.object({
        id: ZId.optional(),
        summary: zText({ max: 2000 }),
        finding: zChoice(FINDINGS).nullable().default(null),
      }),
    )
    .max(50, { error: 'errors.list.tooLong' }),
});

export const ZPersonInput = ZCaseId.extend({
  personId: ZId.optional(),
  role: zChoice(['complainant', 'child', 'advocate', 'member', 'requester']),
  name: zOptionalText({ max: 200 }),
  email: zOptionalText({ max: 254 }).pipe(z.string().email({ error: 'errors.email.invalid' }).optional()),
  phone: zOptionalText({ max: 40 }),
  address: zOptionalText({ max: 500 }),
  dateOfBirth: ZIsoDate.optional(),
  relationship: zOptionalText({ max: 200 }),
  contactPreference: zChoice(['email', 'phone', 'post', 'text']).optional(),
  language: zChoice(['en', 'cy']).optional(),
  adjustments: zOptionalText({ max: 2000 }),
  consentRecordedOn: ZIsoDate.optional(),
});

/** Staff entry of a case that came by phone, letter, email, in person or through a councillor. */
export const ZStaffCreateCaseInput = z.object({
  type: zChoice(CASE_TYPES),
  framework: zChoice(['statutory', 'corporate']).optional(),
  channel: zChoice(CHANNELS.filter((c) => c !== 'portal') as ['email', 'phone', 'letter', 'in_person', 'member']),
  receivedOn: ZIsoDate,
  summary: zText({ max: 200 }),
  details: zText({ max: 10000 }),
  language: zChoice(['en', 'cy']).default('en'),
  name: zText({ max: 200, required: 'errors.name.required' }),
  email: zOptionalText({ max: 254 }).pipe(z.string().email({ error: 'errors.email.invalid' }).optional()),
  phone: zOptionalText({ max: 40 }),
  address: zOptionalText({ max: 500 }),
  contactPreference: zChoice(['email', 'phone', 'post', 'text']).optional(),
});
export type TStaffCreateCaseInput = z.infer<typeof ZStaffCreateCaseInput>;

export const ZStageChoice = zChoice(STAGES);
