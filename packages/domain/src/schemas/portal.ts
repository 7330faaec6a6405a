import { z } from 'zod';
import { normaliseReference } from '../reference/case-reference';
import {
  CHILD_SITUATIONS,
  COMPLAINANT_ROLES,
  CONSENT_ANSWERS,
  ENQUIRY_ROUTES,
  LANGUAGES,
  SERVICE_AREAS,
  YES_NO_NOT_SURE,
} from '../vocabulary';
import { ZEmail, ZId, ZIsoDate, ZPostalAddress, ZUkPhone, zChoice, zOptionalText, zText, zWholeNumber } from './primitives';

/**
 * What the public portal's journeys submit, one schema per journey, shared
 * by the forms (react-hook-form with zodResolver) and the API. Every message
 * is a key of the domain catalogue, in English and Welsh.
 */

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalEmail = z.preprocess(blankToUndefined, ZEmail.optional());
const optionalPhone = z.preprocess(blankToUndefined, ZUkPhone.optional());
const fullName = zText({ max: 100, required: 'errors.name.required', tooLong: 'errors.name.tooLong' });

/** Welsh Language Standards: ask and record each person's language, and write to them in it. */
const language = zChoice(LANGUAGES);

export const CONTACT_PREFERENCES = ['email', 'phone', 'letter'] as const;

/** How to reach the person: at least an email address or a phone number, and whatever their preference needs. */
export const ZContactDetails = z
  .object({
    fullName,
    email: optionalEmail,
    phone: optionalPhone,
    address: ZPostalAddress.optional(),
    contactPreference: zChoice(CONTACT_PREFERENCES),
    language,
  })
  .superRefine((contact, ctx) => {
    if (!contact.email && !contact.phone && !contact.address)
      ctx.addIssue({ code: 'custom', message: 'errors.contact.required', path: ['email'] });
    if (contact.contactPreference === 'email' && !contact.email)
      ctx.addIssue({ code: 'custom', message: 'errors.contact.emailForPreference', path: ['email'] });
    if (contact.contactPreference === 'phone' && !contact.phone)
      ctx.addIssue({ code: 'custom', message: 'errors.contact.phoneForPreference', path: ['phone'] });
    if (contact.contactPreference === 'letter' && !contact.address)
      ctx.addIssue({ code: 'custom', message: 'errors.contact.addressForPreference', path: ['address'] });
  });
export type TContactDetails = z.infer<typeof ZContactDetails>;

const ON_BEHALF = new Set(['advocate', 'relative', 'professional', 'other']);

/** The complaint journey (a parent, a carer, an advocate, someone else). */
export const ZComplaintInput = z
  .object({
    journey: z.literal('complaint'),
    role: zChoice(COMPLAINANT_ROLES, 'errors.role.required'),
    contact: ZContactDetails,
    child: z.object({
      fullName: zOptionalText({ max: 100 }),
      dateOfBirth: z.preprocess(blankToUndefined, ZIsoDate.optional()),
      situation: zChoice(CHILD_SITUATIONS),
    }),
    serviceArea: zChoice(SERVICE_AREAS, 'errors.service.required'),
    /** The council's own service, from its reference data. */
    serviceId: ZId.optional(),
    whatHappened: zText({ max: 5000, required: 'errors.whatHappened.required', tooLong: 'errors.whatHappened.tooLong' }),
    /** When it happened, or when they found out: for the one-year time limit. */
    matterOn: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    desiredOutcome: zText({ max: 2000, required: 'errors.desiredOutcome.required' }),
    courtOrTribunalProceedings: zChoice(YES_NO_NOT_SURE),
    aboutAnotherOrganisation: zChoice(YES_NO_NOT_SURE).optional(),
    youngPersonConsent: zChoice(CONSENT_ANSWERS).optional(),
    advocate: z.object({ organisation: zText({ max: 200 }), name: zText({ max: 100 }) }).optional(),
    reasonableAdjustments: zOptionalText({ max: 1000 }),
    attachmentIds: z.array(ZId).max(10, { error: 'errors.list.tooLong' }).default([]),
  })
  .superRefine((complaint, ctx) => {
    if (ON_BEHALF.has(complaint.role) && !complaint.youngPersonConsent) {
      ctx.addIssue({ code: 'custom', message: 'errors.consent.required', path: ['youngPersonConsent'] });
    }
    if (complaint.role === 'advocate' && !complaint.advocate)
      ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['advocate'] });
  });
export type TComplaintInput = z.infer<typeof ZComplaintInput>;

/** The young person's own journey: plain words, an advocate offered first, a grown-up may help. */
export const ZYoungPersonComplaintInput = z
  .object({
    journey: z.literal('young_person_complaint'),
    firstName: zText({ max: 50, required: 'errors.name.required', tooLong: 'errors.name.tooLong' }),
    age: zWholeNumber(5, 25).optional(),
    situation: zChoice(CHILD_SITUATIONS),
    wantsAdvocate: zChoice(['yes', 'no', 'already_have'], 'errors.advocate.required'),
    whatHappened: zText({ max: 5000, required: 'errors.whatHappened.required', tooLong: 'errors.whatHappened.tooLong' }),
    whatWouldHelp: zText({ max: 2000, required: 'errors.desiredOutcome.required' }),
    email: optionalEmail,
    phone: optionalPhone,
    /** A grown-up who can help, and how to reach them. */
    trustedAdult: zOptionalText({ max: 500 }),
    language,
  })
  .superRefine((input, ctx) => {
    if (!input.email && !input.phone && !input.trustedAdult)
      ctx.addIssue({ code: 'custom', message: 'errors.contact.required', path: ['email'] });
  });
export type TYoungPersonComplaintInput = z.infer<typeof ZYoungPersonComplaintInput>;

/** A compliment: a name and a way to reply are only needed if a reply is wanted. */
export const ZComplimentInput = z
  .object({
    journey: z.literal('compliment'),
    fullName: zOptionalText({ max: 100, tooLong: 'errors.name.tooLong' }),
    email: optionalEmail,
    serviceArea: zChoice(SERVICE_AREAS, 'errors.service.required'),
    serviceId: ZId.optional(),
    aboutWhom: zOptionalText({ max: 200 }),
    message: zText({ max: 3000, required: 'errors.compliment.required' }),
    wantsReply: z.boolean().default(false),
    language,
  })
  .superRefine((input, ctx) => {
    if (input.wantsReply && !input.email) ctx.addIssue({ code: 'custom', message: 'errors.email.required', path: ['email'] });
  });
export type TComplimentInput = z.infer<typeof ZComplimentInput>;

/** An enquiry: from a member of the public, or a councillor, MP, the Mayor's or the Chief Executive's office for a resident. */
export const ZEnquiryInput = z
  .object({
    journey: z.literal('enquiry'),
    route: zChoice(ENQUIRY_ROUTES),
    enquirer: ZContactDetails,
    /** e.g. "MP for Anytown", "Councillor, Riverside ward". */
    office: zOptionalText({ max: 200 }),
    onBehalfOf: z.object({ fullName: zOptionalText({ max: 100 }), address: ZPostalAddress.optional() }).optional(),
    serviceArea: zChoice(SERVICE_AREAS, 'errors.service.required'),
    serviceId: ZId.optional(),
    question: zText({ max: 5000, required: 'errors.question.required' }),
  })
  .superRefine((input, ctx) => {
    if (input.route !== 'general' && !input.onBehalfOf?.fullName)
      ctx.addIssue({ code: 'custom', message: 'errors.behalfOf.required', path: ['onBehalfOf', 'fullName'] });
  });
export type TEnquiryInput = z.infer<typeof ZEnquiryInput>;

/**
 * An FOI request: in writing, with the requester's name and an address for
 * correspondence (email or postal), describing the information (FOIA s.8(1)).
 */
export const ZFoiRequestInput = z
  .object({
    journey: z.literal('foi_request'),
    fullName,
    email: optionalEmail,
    address: ZPostalAddress.optional(),
    request: zText({ max: 10000, required: 'errors.foiRequest.required' }),
    preferredFormat: zChoice(['electronic', 'paper']).default('electronic'),
    language,
  })
  .superRefine((input, ctx) => {
    if (!input.email && !input.address) ctx.addIssue({ code: 'custom', message: 'errors.foiRequest.addressRequired', path: ['email'] });
  });
export type TFoiRequestInput = z.infer<typeof ZFoiRequestInput>;

/** Any portal submission, by its journey. */
export const ZCreateCaseInput = z.discriminatedUnion('journey', [
  ZComplaintInput,
  ZYoungPersonComplaintInput,
  ZComplimentInput,
  ZEnquiryInput,
  ZFoiRequestInput,
]);
export type TCreateCaseInput = z.infer<typeof ZCreateCaseInput>;

/** A case reference as typed into "track a case", normalised (`normaliseReference`). */
export const ZCaseReference = z.string({ error: 'errors.reference.invalid' }).transform((value, ctx) => {
  const result = normaliseReference(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.key });
    return z.NEVER;
  }
  return result.reference;
});

/** Track a case: the reference and the email or phone given with it; a one-time code is sent there. */
export const ZTrackCaseInput = z
  .object({ reference: ZCaseReference, email: optionalEmail, phone: optionalPhone })
  .superRefine((input, ctx) => {
    if (!input.email && !input.phone) ctx.addIssue({ code: 'custom', message: 'errors.contact.required', path: ['email'] });
  });
export type TTrackCaseInput = z.infer<typeof ZTrackCaseInput>;

/** The six-digit one-time code. */
export const ZOneTimeCode = z
  .string({ error: 'errors.required' })
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'errors.invalid' }));

/** The person, following their case: add information, withdraw, or ask for the next stage. */
export const ZAddInformationInput = z.object({
  message: zText({ max: 5000 }),
  attachmentIds: z.array(ZId).max(10, { error: 'errors.list.tooLong' }).default([]),
});
export const ZPortalWithdrawInput = z.object({ reason: zOptionalText({ max: 2000 }) });
export const ZPortalNextStageInput = z.object({ whyStillUnhappy: zText({ max: 5000, required: 'errors.reason.required' }) });
