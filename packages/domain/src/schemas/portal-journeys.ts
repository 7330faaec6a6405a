import { z } from 'zod';
import type { IsoDate } from '../calendar/iso-date';
import { CHILD_SITUATIONS, COMPLAINANT_ROLES, CONSENT_ANSWERS, ENQUIRY_ROUTES, LANGUAGES, YES_NO_NOT_SURE } from '../vocabulary';
import {
  ZComplaintInput,
  ZComplimentInput,
  ZContactDetails,
  ZEnquiryInput,
  ZFoiRequestInput,
  ZYoungPersonComplaintInput,
} from './portal';
import { ZDateParts, ZEmail, ZUkPhone, zChoice, zDateNotAfter, zOptionalText, zText, zWholeNumber } from './primitives';

/**
 * The portal's journeys as GOV.UK question pages: each step's form schema
 * reads what one page posts (strings, as typed) and gives a fragment of the
 * journey's submission (`portal.ts`); the fragments of the steps asked, merged
 * in order, are the submission. The same schemas check the page in the
 * browser (react-hook-form) and on the server, so the messages agree.
 * Messages are keys of the domain catalogue, or of the portal's own strings
 * (`portal.errors.*`) where the domain has none.
 */

export const JOURNEY_IDS = ['complaint', 'young-person', 'advocate-complaint', 'compliment', 'enquiry', 'foi'] as const;
export type JourneyId = (typeof JOURNEY_IDS)[number];

export function isJourneyId(value: unknown): value is JourneyId {
  return typeof value === 'string' && (JOURNEY_IDS as readonly string[]).includes(value);
}

/** What a step's schema may depend on: today (UK) and the council's services. */
export type StepContext = { today: IsoDate; serviceIds: readonly string[] };

/** Raw answers of a journey: the cleaned form values posted on each step, by step id. */
export type JourneyAnswers = Record<string, Record<string, unknown>>;

export type JourneyStep = {
  id: string;
  /** Asked only when this holds for the submission built so far. */
  appliesTo?: (soFar: Record<string, unknown>) => boolean;
  /** Form values in, a fragment of the submission out. Absent for the upload step (files are their own records). */
  schema?: (context: StepContext) => z.ZodType<Record<string, unknown>>;
};

/** The choice of a council service, or of the two answers for when it is not one. */
export const SERVICE_NOT_SURE = 'not_sure';
export const SERVICE_NOT_COUNCIL = 'not_council';

/**
 * Form values as posted: blank text, unset radios (`null` from
 * react-hook-form) and groups of blank fields all mean "no answer".
 */
export function cleanFormValues(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(cleanFormValues).filter((item) => item !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const cleaned = cleanFormValues(item);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

function page<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess((value) => cleanFormValues(value) ?? {}, z.object(shape));
}

/** A date in GOV.UK's three boxes, required, not after today. */
function requiredDate(today: IsoDate) {
  return z.preprocess((value) => value ?? {}, ZDateParts).pipe(zDateNotAfter(today));
}

/** A date in three boxes that may be left blank; if any box is filled it must be a real date, not after today. */
function optionalDate(today: IsoDate) {
  return ZDateParts.pipe(zDateNotAfter(today)).optional();
}

const yesNo = (required: Parameters<typeof zChoice>[1] = 'errors.choice.required') => zChoice(['yes', 'no'] as const, required);

/** The council service chosen, as the submission's `serviceId` and `serviceArea` (the API sets the area from the service's framework). */
function serviceChoice(context: StepContext, required: Parameters<typeof zChoice>[1] = 'errors.service.required') {
  const values: [string, ...string[]] = [SERVICE_NOT_SURE, SERVICE_NOT_COUNCIL, ...context.serviceIds];
  return zChoice(values, required);
}

function serviceFragment(choice: string): { serviceArea: 'not_sure' | 'not_council'; serviceId?: string } {
  if (choice === SERVICE_NOT_SURE) return { serviceArea: 'not_sure' };
  if (choice === SERVICE_NOT_COUNCIL) return { serviceArea: 'not_council' };
  return { serviceArea: 'not_sure', serviceId: choice };
}

/** Contact details, with a postal address only when one was typed. */
const contactDetails = z.preprocess((value) => cleanFormValues(value) ?? {}, ZContactDetails);

const ON_BEHALF_ROLES: ReadonlySet<string> = new Set(['advocate', 'relative', 'professional', 'other']);

// Complaint (parents, carers, advocates without an account, anyone else) -------------

const complaintWho: JourneyStep = {
  id: 'who',
  schema: () => page({ role: zChoice(COMPLAINANT_ROLES, 'errors.role.required') }),
};
const complaintConsent: JourneyStep = {
  id: 'consent',
  appliesTo: (soFar) => ON_BEHALF_ROLES.has(String(soFar.role)),
  schema: () => page({ youngPersonConsent: zChoice(CONSENT_ANSWERS, 'errors.consent.required') }),
};
const complaintAdvocate: JourneyStep = {
  id: 'advocate',
  appliesTo: (soFar) => soFar.role === 'advocate',
  schema: () =>
    page({
      advocate: z.preprocess(
        (value) => value ?? {},
        z.object({
          organisation: zText({ max: 200, required: 'errors.required' }),
          name: zText({ max: 100, required: 'errors.name.required', tooLong: 'errors.name.tooLong' }),
        }),
      ),
    }),
};
const complaintChild = (who: 'child' | 'youngPerson'): JourneyStep => ({
  id: 'child',
  schema: ({ today }) =>
    page({
      child: z
        .preprocess(
          (value) => value ?? {},
          z.object({
            fullName: who === 'youngPerson' ? zText({ max: 100, required: 'errors.name.required', tooLong: 'errors.name.tooLong' }) : zOptionalText({ max: 100 }),
            dateOfBirth: optionalDate(today),
          }),
        )
        .transform((child) => ({ ...(child.fullName ? { fullName: child.fullName } : {}), ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}) })),
    }),
});
const complaintSituation: JourneyStep = {
  id: 'situation',
  schema: () => page({ child: z.preprocess((value) => value ?? {}, z.object({ situation: zChoice(CHILD_SITUATIONS) })) }),
};
const complaintService: JourneyStep = {
  id: 'service',
  schema: (context) => page({ service: serviceChoice(context) }).transform(({ service }) => serviceFragment(service)),
};
const complaintWhatHappened: JourneyStep = {
  id: 'what-happened',
  schema: () => page({ whatHappened: ZComplaintInput.shape.whatHappened }),
};
const complaintWhen: JourneyStep = {
  id: 'when',
  schema: ({ today }) => page({ matterOn: requiredDate(today) }),
};
const complaintProceedings: JourneyStep = {
  id: 'proceedings',
  schema: () => page({ courtOrTribunalProceedings: zChoice(YES_NO_NOT_SURE) }),
};
const complaintOutcome: JourneyStep = {
  id: 'outcome',
  schema: () => page({ desiredOutcome: ZComplaintInput.shape.desiredOutcome }),
};
const complaintContact: JourneyStep = {
  id: 'contact',
  schema: () => page({ contact: contactDetails }),
};
const complaintAdjustments: JourneyStep = {
  id: 'adjustments',
  schema: () =>
    page({ needsAdjustments: yesNo(), reasonableAdjustments: zOptionalText({ max: 1000 }) })
      .superRefine((value, ctx) => {
        if (value.needsAdjustments === 'yes' && !value.reasonableAdjustments) {
          ctx.addIssue({ code: 'custom', message: 'portal.errors.adjustmentsDetail', path: ['reasonableAdjustments'] });
        }
      })
      .transform((value) => (value.needsAdjustments === 'yes' && value.reasonableAdjustments ? { reasonableAdjustments: value.reasonableAdjustments } : {})),
};
/** Optional uploads: files are stored as they are chosen, so the step itself posts nothing to keep. */
const files: JourneyStep = { id: 'files', schema: () => page({}) };

// Young person: short pages in plain words, an advocate offered first ----------------

const youngPersonAdvocate: JourneyStep = {
  id: 'advocate',
  schema: () => page({ wantsAdvocate: zChoice(['yes', 'no', 'already_have'] as const, 'errors.advocate.required') }),
};
const youngPersonAdvocateCall: JourneyStep = {
  id: 'advocate-call',
  appliesTo: (soFar) => soFar.wantsAdvocate === 'yes',
  schema: () => page({ advocatePhone: ZUkPhone, advocateCallTimes: zOptionalText({ max: 200 }) }),
};
const youngPersonName: JourneyStep = {
  id: 'name',
  schema: () =>
    page({
      firstName: ZYoungPersonComplaintInput.shape.firstName,
      age: z.preprocess((value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value), zWholeNumber(5, 25).optional()),
    }).transform((value) => (value.age === undefined ? { firstName: value.firstName } : value)),
};
const youngPersonSituation: JourneyStep = {
  id: 'situation',
  schema: () => page({ situation: zChoice(CHILD_SITUATIONS) }),
};
const youngPersonWhatHappened: JourneyStep = {
  id: 'what-happened',
  schema: () => page({ whatHappened: ZYoungPersonComplaintInput.shape.whatHappened }),
};
const youngPersonWhatWouldHelp: JourneyStep = {
  id: 'what-would-help',
  schema: () => page({ whatWouldHelp: ZYoungPersonComplaintInput.shape.whatWouldHelp }),
};
const youngPersonContact: JourneyStep = {
  id: 'contact',
  schema: () =>
    page({
      email: ZYoungPersonComplaintInput.shape.email,
      phone: ZYoungPersonComplaintInput.shape.phone,
      trustedAdult: ZYoungPersonComplaintInput.shape.trustedAdult,
      language: zChoice(LANGUAGES),
    }).superRefine((input, ctx) => {
      if (!input.email && !input.phone && !input.trustedAdult) ctx.addIssue({ code: 'custom', message: 'portal.errors.youngPersonContact', path: ['email'] });
    }),
};

// Advocate with an account: acting for a young person, with their consent ----------

const advocateConsent: JourneyStep = {
  id: 'consent',
  schema: () => page({ youngPersonConsent: zChoice(['given', 'not_able'] as const, 'errors.consent.required') }),
};
const advocateLanguage: JourneyStep = {
  id: 'language',
  schema: () => page({ contact: z.preprocess((value) => value ?? {}, z.object({ language: zChoice(LANGUAGES) })) }),
};

// Compliment ----------------------------------------------------------------------

const complimentService: JourneyStep = {
  id: 'service',
  schema: (context) => page({ service: serviceChoice(context) }).transform(({ service }) => serviceFragment(service)),
};
const complimentPerson: JourneyStep = {
  id: 'person',
  schema: () => page({ aboutWhom: ZComplimentInput.shape.aboutWhom }),
};
const complimentMessage: JourneyStep = {
  id: 'message',
  schema: () => page({ message: ZComplimentInput.shape.message }),
};
const complimentShare: JourneyStep = {
  id: 'share',
  schema: () => page({ mayShare: yesNo() }),
};
const complimentReply: JourneyStep = {
  id: 'reply',
  schema: () =>
    page({
      wantsReply: yesNo(),
      fullName: zOptionalText({ max: 100, tooLong: 'errors.name.tooLong' }),
      email: ZEmail.optional(),
      language: zChoice(LANGUAGES),
    })
      .superRefine((input, ctx) => {
        if (input.wantsReply === 'yes' && !input.email) ctx.addIssue({ code: 'custom', message: 'errors.email.required', path: ['email'] });
      })
      .transform(({ wantsReply, ...rest }) => ({ ...rest, wantsReply: wantsReply === 'yes' })),
};

// Enquiry, including councillors', MPs' and the Mayor's offices -------------------------

const enquiryRoute: JourneyStep = {
  id: 'route',
  schema: () => page({ route: zChoice(ENQUIRY_ROUTES) }),
};
const enquiryResident: JourneyStep = {
  id: 'resident',
  appliesTo: (soFar) => soFar.route !== undefined && soFar.route !== 'general',
  schema: () =>
    page({
      office: ZEnquiryInput.shape.office,
      onBehalfOf: z.preprocess((value) => value ?? {}, z.object({ fullName: zText({ max: 100, required: 'errors.behalfOf.required', tooLong: 'errors.name.tooLong' }) })),
    }),
};
const enquiryService: JourneyStep = {
  id: 'service',
  schema: (context) => page({ service: serviceChoice(context) }).transform(({ service }) => serviceFragment(service)),
};
const enquiryQuestion: JourneyStep = {
  id: 'question',
  schema: () => page({ question: ZEnquiryInput.shape.question }),
};
const enquiryContact: JourneyStep = {
  id: 'contact',
  schema: () => page({ enquirer: contactDetails }),
};

// FOI request ---------------------------------------------------------------------

const foiRequest: JourneyStep = {
  id: 'request',
  schema: () => page({ request: ZFoiRequestInput.shape.request }),
};
const foiFormat: JourneyStep = {
  id: 'format',
  schema: () => page({ preferredFormat: zChoice(['electronic', 'paper'] as const) }),
};
const foiContact: JourneyStep = {
  id: 'contact',
  schema: () =>
    z
      .preprocess(
        (value) => cleanFormValues(value) ?? {},
        z.object({
          fullName: ZFoiRequestInput.shape.fullName,
          email: ZFoiRequestInput.shape.email,
          address: ZFoiRequestInput.shape.address,
          language: ZFoiRequestInput.shape.language,
        }),
      )
      .superRefine((input, ctx) => {
        if (!input.email && !input.address) ctx.addIssue({ code: 'custom', message: 'errors.foiRequest.addressRequired', path: ['email'] });
      }),
};

/** The steps of each journey, in the order they are asked. */
export const JOURNEY_STEPS: Readonly<Record<JourneyId, readonly JourneyStep[]>> = {
  complaint: [
    complaintWho,
    complaintConsent,
    complaintAdvocate,
    complaintChild('child'),
    complaintSituation,
    complaintService,
    complaintWhatHappened,
    complaintWhen,
    complaintProceedings,
    complaintOutcome,
    complaintContact,
    complaintAdjustments,
    files,
  ],
  'young-person': [
    youngPersonAdvocate,
    youngPersonAdvocateCall,
    youngPersonName,
    youngPersonSituation,
    youngPersonWhatHappened,
    youngPersonWhatWouldHelp,
    youngPersonContact,
  ],
  'advocate-complaint': [
    advocateConsent,
    complaintChild('youngPerson'),
    complaintSituation,
    complaintService,
    complaintWhatHappened,
    complaintWhen,
    complaintProceedings,
    complaintOutcome,
    advocateLanguage,
    complaintAdjustments,
    files,
  ],
  compliment: [complimentService, complimentPerson, complimentMessage, complimentShare, complimentReply],
  enquiry: [enquiryRoute, enquiryResident, enquiryService, enquiryQuestion, enquiryContact],
  foi: [foiRequest, foiFormat, foiContact],
};

/** A step of a journey, or undefined. */
export function findJourneyStep(journey: JourneyId, stepId: string): JourneyStep | undefined {
  return JOURNEY_STEPS[journey].find((step) => step.id === stepId);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges fragments: nested objects (`contact`, `child`) field by field. */
export function mergeFragments(target: Record<string, unknown>, fragment: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(fragment)) {
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeFragments(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

/** Where a journey has got to: the steps that apply, those answered, the first still to answer, and the submission so far. */
export type JourneyProgress = {
  steps: string[];
  answered: string[];
  next: string | null;
  soFar: Record<string, unknown>;
};

/**
 * Reads a journey's saved answers in order: each step that applies to the
 * answers before it is parsed with its schema (a step whose saved answer no
 * longer passes, say a date now in the future, counts as unanswered).
 *
 * @example journeyProgress('foi', { request: { request: 'Budgets' } }, context).next // 'format'
 */
export function journeyProgress(journey: JourneyId, answers: JourneyAnswers, context: StepContext, base: Record<string, unknown> = {}): JourneyProgress {
  let soFar: Record<string, unknown> = { ...base };
  const steps: string[] = [];
  const answered: string[] = [];
  let next: string | null = null;
  for (const step of JOURNEY_STEPS[journey]) {
    if (step.appliesTo && !step.appliesTo(soFar)) continue;
    steps.push(step.id);
    if (!step.schema) {
      if (answers[step.id] !== undefined) answered.push(step.id);
      else next ??= step.id;
      continue;
    }
    const raw = answers[step.id];
    const parsed = raw === undefined ? undefined : step.schema(context).safeParse(raw);
    if (parsed?.success) {
      answered.push(step.id);
      soFar = mergeFragments(soFar, parsed.data);
    } else {
      next ??= step.id;
    }
  }
  return { steps, answered, next, soFar };
}

/** The step after `stepId` that applies, or null when the next page is "check your answers". */
export function stepAfter(journey: JourneyId, stepId: string, answers: JourneyAnswers, context: StepContext, base: Record<string, unknown> = {}): string | null {
  const { steps } = journeyProgress(journey, answers, context, base);
  const index = steps.indexOf(stepId);
  return index >= 0 && index + 1 < steps.length ? (steps[index + 1] as string) : null;
}

/** The step before `stepId` that applies, or null for the first. */
export function stepBefore(journey: JourneyId, stepId: string, answers: JourneyAnswers, context: StepContext, base: Record<string, unknown> = {}): string | null {
  const { steps } = journeyProgress(journey, answers, context, base);
  const index = steps.indexOf(stepId);
  return index > 0 ? (steps[index - 1] as string) : null;
}

/** The journey code each portal journey submits as (`ZCreateCaseInput`'s discriminator). */
export const SUBMISSION_JOURNEY: Readonly<Record<JourneyId, 'complaint' | 'young_person_complaint' | 'compliment' | 'enquiry' | 'foi_request'>> = {
  complaint: 'complaint',
  'young-person': 'young_person_complaint',
  'advocate-complaint': 'complaint',
  compliment: 'compliment',
  enquiry: 'enquiry',
  foi: 'foi_request',
};

/** What a young person adds to their complaint: an advocate to call them. */
export const ZYoungPersonSubmission = ZYoungPersonComplaintInput.safeExtend({
  advocatePhone: ZUkPhone.optional(),
  advocateCallTimes: zOptionalText({ max: 200 }),
});
export type TYoungPersonSubmission = z.infer<typeof ZYoungPersonSubmission>;

/** What a compliment adds: whether it may be shared, without the person's name. */
export const ZComplimentSubmission = ZComplimentInput.safeExtend({ mayShare: zChoice(['yes', 'no'] as const) });
export type TComplimentSubmission = z.infer<typeof ZComplimentSubmission>;

/** Every submission from the portal, by journey. */
export const ZPortalSubmission = z.discriminatedUnion('journey', [ZComplaintInput, ZYoungPersonSubmission, ZComplimentSubmission, ZEnquiryInput, ZFoiRequestInput]);
export type TPortalSubmission = z.infer<typeof ZPortalSubmission>;

/**
 * A journey's saved answers as its submission: the fragments of the steps
 * that apply, merged over `base` (what the service knows already, e.g. an
 * advocate's own details), checked with the journey's schema.
 */
export function buildSubmission(journey: JourneyId, answers: JourneyAnswers, context: StepContext, base: Record<string, unknown> = {}) {
  const { soFar } = journeyProgress(journey, answers, context, base);
  return ZPortalSubmission.safeParse({ ...soFar, journey: SUBMISSION_JOURNEY[journey] });
}

/** A one-time code as typed: six digits, spaces allowed. */
export const ZTrackingCodeForm = z.object({
  code: z
    .string({ error: 'portal.track.errors.codeMissing' })
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().min(1, { error: 'portal.track.errors.codeMissing' }).regex(/^\d{6}$/, { error: 'portal.track.errors.codeFormat' })),
});
export type TTrackingCodeForm = z.infer<typeof ZTrackingCodeForm>;

const advocatePassword = z
  .string({ error: 'portal.advocate.errors.passwordMissing' })
  .min(1, { error: 'portal.advocate.errors.passwordMissing' })
  .max(1000, { error: 'portal.advocate.errors.passwordTooLong' });

/** An advocate signs in with email and password. */
export const ZAdvocateSignInInput = z.object({
  email: z.string({ error: 'errors.email.required' }).trim().toLowerCase().min(1, { error: 'errors.email.required' }).max(254, { error: 'errors.email.invalid' }).pipe(z.email({ error: 'errors.email.invalid' })),
  password: advocatePassword,
});
export type TAdvocateSignInInput = z.infer<typeof ZAdvocateSignInInput>;

/** An advocate's new account: a password of at least 12 characters (NCSC: length over complexity). */
export const ZAdvocateRegisterInput = z
  .object({
    fullName: zText({ max: 100, required: 'errors.name.required', tooLong: 'errors.name.tooLong' }),
    organisation: z
      .string({ error: 'portal.advocate.errors.organisationMissing' })
      .trim()
      .min(1, { error: 'portal.advocate.errors.organisationMissing' })
      .max(200, { error: 'errors.text.tooLong' }),
    email: ZAdvocateSignInInput.shape.email,
    password: advocatePassword.pipe(z.string().min(12, { error: 'portal.advocate.errors.passwordTooShort' })),
    confirmPassword: z.string({ error: 'portal.advocate.errors.confirmMissing' }).min(1, { error: 'portal.advocate.errors.confirmMissing' }),
  })
  .superRefine((input, ctx) => {
    if (input.confirmPassword && input.password !== input.confirmPassword) ctx.addIssue({ code: 'custom', message: 'portal.advocate.errors.passwordsDiffer', path: ['confirmPassword'] });
  });
export type TAdvocateRegisterInput = z.infer<typeof ZAdvocateRegisterInput>;

/** An advocate asks for a sign-in link by email. */
export const ZMagicLinkRequest = z.object({ email: ZAdvocateSignInInput.shape.email });

/** "Save and come back later": where to send the link. */
export const ZSendDraftLinkInput = z.object({ email: ZEmail });
