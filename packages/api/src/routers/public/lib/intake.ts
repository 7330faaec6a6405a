import {
  accessCodeRepository,
  attachmentRepository,
  caseworkRepository,
  draftRepository,
  intakeRepository,
  trackingRepository,
  type NewCasePerson,
  type PortalService,
} from '@heard/db';
import {
  assessEligibility,
  classifySubject,
  computeDeadline,
  createCaseState,
  type CaseType,
  type Deadline,
  type EligibilityAssessment,
  type EnquiryRoute,
  type Framework,
  type ServiceArea,
  type Stage,
  type TPortalSubmission,
} from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import type { PublicContext } from './context';
import { queueMessage } from './notifications';
import { takeToken } from './rate-limit';
import { deadlineColumns, rulesFor, todayOf } from './rules';
import { hashSecret, newSecret, portalOrigin, secureRandom } from './secrets';

/** A due date as the person is told it: a date, a latest date (counted from an acknowledgement still to come), or none. */
export type DueSummary = { status: 'due' | 'provisional' | 'awaiting' | 'paused' | 'none'; dueOn: string | null };

export function summariseDeadline(deadline: Deadline): DueSummary {
  switch (deadline.status) {
    case 'due':
      return { status: 'due', dueOn: deadline.dueOn };
    case 'awaiting':
      return deadline.provisionalDueOn ? { status: 'provisional', dueOn: deadline.provisionalDueOn } : { status: 'awaiting', dueOn: null };
    case 'paused':
      return { status: 'paused', dueOn: null };
    case 'none':
      return { status: 'none', dueOn: null };
  }
}

/** What the confirmation page and the acknowledgement say. */
export type Confirmation = {
  reference: string;
  caseType: CaseType;
  stage: Stage | null;
  receivedOn: string;
  acknowledgementDueOn: string | null;
  response: DueSummary;
  /** What happens next (complaints): a domain message key. */
  nextSteps: string | null;
  /** How we will be in touch: the acknowledgement went by email; or we will phone, or write. */
  contactBy: 'email' | 'phone' | 'letter' | 'none';
  advocateCallRequested: boolean;
};

/** A link that opens the case page for 30 days, for the emails we send (the "signed link"). */
export const TRACK_LINK_DAYS = 30;

const ENQUIRY_TYPES: Record<EnquiryRoute, CaseType> = {
  general: 'general_enquiry',
  member: 'member_enquiry',
  mp: 'mp_enquiry',
  mayor: 'mayor_enquiry',
  chief_executive: 'chief_executive_enquiry',
};

function addressText(address: { line1: string; line2?: string | undefined; town?: string | undefined; postcode: string } | undefined): string | null {
  if (!address) return null;
  return [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join('\n');
}

function summaryOf(text: string): string {
  const firstLine = text.split(/\r?\n/)[0]?.trim() ?? '';
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine;
}

/** A service chosen from the council's list, or a refusal saying to choose again. */
async function serviceOf(ctx: PublicContext, serviceId: string | undefined): Promise<PortalService | null> {
  if (!serviceId) return null;
  const service = await intakeRepository(ctx.tx).findService(serviceId);
  if (!service) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { serviceId: 'errors.id.invalid' } });
  return service;
}

/** The area a council service stands for, for the classification (its framework decides). */
function areaOf(service: PortalService | null, area: ServiceArea): ServiceArea {
  if (!service) return area;
  return service.framework === 'statutory' ? 'social_care' : 'other_education';
}

type Plan = {
  type: CaseType;
  framework: Framework;
  eligibility: EligibilityAssessment | null;
  service: PortalService | null;
  people: NewCasePerson[];
  summary: string;
  details: string;
  language: 'en' | 'cy';
  advocateSupported: boolean;
  flags: Record<string, unknown>;
  /** Where the acknowledgement goes: emails only (a text carries a code, never a case's details). */
  notify: { channel: 'email'; recipient: string } | null;
  letterRequested: boolean;
  advocateCall: { phone: string; times: string | null } | null;
};

export type AdvocateActor = { userId: string; displayName: string; email: string; organisation: string | null };

async function planSubmission(ctx: PublicContext, submission: TPortalSubmission, receivedOn: string, timeLimitMonths: number, advocate: AdvocateActor | null): Promise<Plan> {
  const now = ctx.now();
  switch (submission.journey) {
    case 'complaint': {
      const service = await serviceOf(ctx, submission.serviceId);
      const serviceArea = areaOf(service, submission.serviceArea);
      const eligibility = assessEligibility(
        {
          role: submission.role,
          serviceArea,
          serviceFramework: service?.framework ?? null,
          childSituation: submission.child.situation,
          matterOn: submission.matterOn ?? null,
          courtOrTribunalProceedings: submission.courtOrTribunalProceedings,
          aboutAnotherOrganisation: submission.aboutAnotherOrganisation ?? null,
          youngPersonConsent: submission.youngPersonConsent ?? null,
        },
        { receivedOn, timeLimitMonths },
      );
      const contact = submission.contact;
      const consentRecordedAt = submission.youngPersonConsent === 'given' ? now : null;
      const people: NewCasePerson[] = [];
      const contactPerson = {
        name: contact.fullName,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        address: addressText(contact.address),
        contactPreference: contact.contactPreference,
        language: contact.language,
        adjustments: submission.reasonableAdjustments ?? null,
      };
      if (submission.role === 'advocate') {
        people.push({
          role: 'advocate',
          ...contactPerson,
          name: advocate?.displayName ?? submission.advocate?.name ?? contact.fullName,
          relationship: advocate?.organisation ?? submission.advocate?.organisation ?? null,
          consentRecordedAt,
          userId: advocate?.userId ?? null,
        });
      } else {
        people.push({ role: 'complainant', ...contactPerson, relationship: submission.role, consentRecordedAt: submission.role === 'young_person' ? null : consentRecordedAt });
      }
      if (submission.child.fullName || submission.child.dateOfBirth || submission.role === 'advocate') {
        people.push({ role: 'child', name: submission.child.fullName ?? null, dateOfBirth: submission.child.dateOfBirth ?? null });
      }
      return {
        type: eligibility.caseType,
        framework: eligibility.framework,
        eligibility,
        service,
        people,
        summary: summaryOf(submission.whatHappened),
        details: submission.whatHappened,
        language: contact.language,
        advocateSupported: submission.role === 'advocate',
        flags: {
          desiredOutcome: submission.desiredOutcome,
          matterOn: submission.matterOn ?? null,
          courtOrTribunalProceedings: submission.courtOrTribunalProceedings,
          serviceArea,
          childSituation: submission.child.situation,
          youngPersonConsent: submission.youngPersonConsent ?? null,
        },
        notify: contact.email ? { channel: 'email', recipient: contact.email } : null,
        letterRequested: contact.contactPreference === 'letter',
        advocateCall: null,
      };
    }
    case 'young_person_complaint': {
      // A young person may not know which service it was: their situation decides (planNewCase does the same).
      const eligibility = assessEligibility({ role: 'young_person', serviceArea: 'not_sure', childSituation: submission.situation }, { receivedOn, timeLimitMonths });
      const advocateCall = submission.wantsAdvocate === 'yes' && submission.advocatePhone ? { phone: submission.advocatePhone, times: submission.advocateCallTimes ?? null } : null;
      return {
        type: eligibility.caseType,
        framework: eligibility.framework,
        eligibility,
        service: null,
        people: [
          {
            role: 'complainant',
            name: submission.firstName,
            email: submission.email ?? null,
            phone: submission.phone ?? null,
            relationship: 'young_person',
            contactPreference: submission.email ? 'email' : submission.phone ? 'phone' : 'trusted_adult',
            language: submission.language,
          },
        ],
        summary: summaryOf(submission.whatHappened),
        details: submission.whatHappened,
        language: submission.language,
        advocateSupported: false,
        flags: {
          desiredOutcome: submission.whatWouldHelp,
          childSituation: submission.situation,
          age: submission.age ?? null,
          wantsAdvocate: submission.wantsAdvocate,
          advocateCall,
          trustedAdult: submission.trustedAdult ?? null,
        },
        notify: submission.email ? { channel: 'email', recipient: submission.email } : null,
        letterRequested: false,
        advocateCall,
      };
    }
    case 'compliment': {
      const service = await serviceOf(ctx, submission.serviceId);
      const serviceArea = areaOf(service, submission.serviceArea);
      return {
        type: 'compliment',
        framework: service?.framework ?? classifySubject({ serviceArea, childSituation: 'not_sure' }),
        eligibility: null,
        service,
        people: submission.fullName || submission.email ? [{ role: 'requester', name: submission.fullName ?? null, email: submission.email ?? null, language: submission.language }] : [],
        summary: summaryOf(submission.message),
        details: submission.message,
        language: submission.language,
        advocateSupported: false,
        flags: { aboutWhom: submission.aboutWhom ?? null, mayShare: submission.mayShare === 'yes', wantsReply: submission.wantsReply, serviceArea },
        notify: submission.email ? { channel: 'email', recipient: submission.email } : null,
        letterRequested: false,
        advocateCall: null,
      };
    }
    case 'enquiry': {
      const service = await serviceOf(ctx, submission.serviceId);
      const serviceArea = areaOf(service, submission.serviceArea);
      const enquirer = submission.enquirer;
      const fromOffice = submission.route !== 'general';
      const people: NewCasePerson[] = [
        {
          role: fromOffice ? 'member' : 'requester',
          name: enquirer.fullName,
          email: enquirer.email ?? null,
          phone: enquirer.phone ?? null,
          address: addressText(enquirer.address),
          relationship: fromOffice ? (submission.office ?? submission.route) : null,
          contactPreference: enquirer.contactPreference,
          language: enquirer.language,
        },
      ];
      if (fromOffice && submission.onBehalfOf?.fullName) {
        people.push({ role: 'complainant', name: submission.onBehalfOf.fullName, address: addressText(submission.onBehalfOf.address), relationship: 'resident' });
      }
      return {
        type: ENQUIRY_TYPES[submission.route],
        framework: service?.framework ?? classifySubject({ serviceArea, childSituation: 'not_sure' }),
        eligibility: null,
        service,
        people,
        summary: summaryOf(submission.question),
        details: submission.question,
        language: enquirer.language,
        advocateSupported: false,
        flags: { route: submission.route, office: submission.office ?? null, serviceArea },
        notify: enquirer.email ? { channel: 'email', recipient: enquirer.email } : null,
        letterRequested: enquirer.contactPreference === 'letter',
        advocateCall: null,
      };
    }
    case 'foi_request':
      return {
        type: 'foi_request',
        framework: 'foi',
        eligibility: null,
        service: null,
        people: [{ role: 'requester', name: submission.fullName, email: submission.email ?? null, address: addressText(submission.address), language: submission.language }],
        summary: summaryOf(submission.request),
        details: submission.request,
        language: submission.language,
        advocateSupported: false,
        flags: { preferredFormat: submission.preferredFormat },
        notify: submission.email ? { channel: 'email', recipient: submission.email } : null,
        letterRequested: !submission.email,
        advocateCall: null,
      };
  }
}

/** A link to the case page for the emails we send, valid for TRACK_LINK_DAYS. */
export async function newTrackLink(ctx: PublicContext, caseId: string): Promise<string> {
  const secret = newSecret();
  const now = ctx.now();
  await accessCodeRepository(ctx.tx).insert({
    councilId: ctx.council.id,
    purpose: 'track_link',
    caseId,
    userId: null,
    secretHash: hashSecret(secret),
    expiresAt: new Date(now.getTime() + TRACK_LINK_DAYS * 24 * 3600_000),
    now,
  });
  return `${portalOrigin(ctx.council, ctx.request.host)}/track/link/${secret}`;
}

/**
 * Creates a case from a portal submission, in the caller's one
 * transaction: the case with its people and first event, its idempotency
 * key, the acknowledgement queued in the outbox, the draft's uploads moved
 * to it, and the audit row. A submission whose idempotency key has made a
 * case already gets that case's confirmation and changes nothing.
 */
export async function submitCase(
  ctx: PublicContext,
  submission: TPortalSubmission,
  options: { idempotencyKey: string; draftId?: string | null; advocate?: AdvocateActor | null; procedure: string },
): Promise<Confirmation> {
  takeToken(ctx.database, 'submit', ctx.request.ip ?? 'unknown', ctx.now());
  const intake = intakeRepository(ctx.tx);
  const existing = await intake.findByIdempotencyKey(options.idempotencyKey);
  if (existing) return confirmationFor(ctx, existing.caseId);

  const receivedOn = todayOf(ctx);
  const rules = await rulesFor(ctx, receivedOn);
  const plan = await planSubmission(ctx, submission, receivedOn, rules.policy.statutoryTimeLimitMonths, options.advocate ?? null);
  const state = createCaseState({ type: plan.type, receivedOn, framework: plan.framework });
  const facts = { type: state.type, stage: state.stage, receivedOn };
  const acknowledgement = computeDeadline(facts, 'acknowledgement', rules, { explain: false });
  const response = computeDeadline(facts, 'response', rules, { explain: false });
  const created = await intake.createCase(
    {
      councilId: ctx.council.id,
      referencePrefix: ctx.council.referencePrefix,
      receivedOn,
      type: plan.type,
      framework: state.framework,
      stage: state.stage,
      acknowledgementDueOn: acknowledgement.status === 'due' ? acknowledgement.dueOn : null,
      dueOn: response.status === 'due' ? response.dueOn : null,
      serviceId: plan.service?.id ?? null,
      divisionId: plan.service?.divisionId ?? null,
      channel: 'portal',
      language: plan.language,
      advocateSupported: plan.advocateSupported,
      summary: plan.summary,
      details: plan.details,
      flags: {
        ...plan.flags,
        journey: submission.journey,
        policyDate: receivedOn,
        nextSteps: plan.eligibility?.nextSteps.key ?? null,
        eligibility: plan.eligibility
          ? {
              basis: plan.eligibility.basis,
              mayComplain: plan.eligibility.mayComplain,
              timeLimitOn: plan.eligibility.timeLimitOn,
              withinTimeLimit: plan.eligibility.withinTimeLimit,
              offerAdvocate: plan.eligibility.offerAdvocate,
              flags: plan.eligibility.flags.map((flag) => ({ code: flag.code, outOfRemitReason: flag.outOfRemitReason, key: flag.key, params: flag.params })),
            }
          : null,
        letterRequested: plan.letterRequested,
      },
      people: plan.people,
      event: {
        type: 'received',
        payload: { on: receivedOn, channel: 'portal', submission },
        actorUserId: options.advocate?.userId ?? null,
        actorLabel: options.advocate ? 'advocate' : 'public',
      },
      idempotencyKey: options.idempotencyKey,
    },
    secureRandom,
  );
  if (!created.created) return confirmationFor(ctx, created.caseId);
  // The deadline columns and lifecycle record the back-office's tracker reads, as it writes them.
  await caseworkRepository(ctx.tx).saveDetails(created.caseId, { deadlines: deadlineColumns(state, rules), extras: { policyDate: receivedOn }, now: ctx.now() });

  const tracking = trackingRepository(ctx.tx);
  if (plan.advocateCall) {
    await tracking.appendEvent({
      councilId: ctx.council.id,
      caseId: created.caseId,
      type: 'advocate_call_requested',
      payload: { on: receivedOn, times: plan.advocateCall.times },
      actorUserId: null,
      actorLabel: 'public',
    });
  }
  if (options.draftId) {
    await attachmentRepository(ctx.tx).moveDraftFilesToCase(options.draftId, created.caseId);
    await draftRepository(ctx.tx).markSubmitted(options.draftId, created.caseId, ctx.now());
  }
  const confirmation = await confirmationFor(ctx, created.caseId);
  if (plan.notify) {
    await queueMessage(ctx.tx, {
      councilId: ctx.council.id,
      caseId: created.caseId,
      channel: plan.notify.channel,
      recipient: plan.notify.recipient,
      template: 'acknowledgement',
      language: plan.language,
      payload: {
        reference: confirmation.reference,
        caseType: confirmation.caseType,
        receivedOn,
        dueOn: confirmation.response.dueOn,
        acknowledgementDueOn: confirmation.acknowledgementDueOn,
        response: confirmation.response,
        nextSteps: confirmation.nextSteps,
        trackUrl: await newTrackLink(ctx, created.caseId),
      },
      idempotencyKey: `acknowledgement:${created.caseId}`,
    });
  }
  await recordAudit(ctx, { action: 'change', caseId: created.caseId, detail: options.procedure });
  return confirmation;
}

/** The confirmation of a case already made (a repeated submission, or the confirmation page loaded again). */
export async function confirmationFor(ctx: PublicContext, caseId: string): Promise<Confirmation> {
  const tracking = trackingRepository(ctx.tx);
  const [view, contacts, record] = await Promise.all([tracking.getPersonCase(caseId), tracking.findContacts(caseId), caseworkRepository(ctx.tx).findById(caseId)]);
  if (!record) throw new AppError('NOT_FOUND', 'errors.notFound');
  const rules = await rulesFor(ctx, record.state.policyDate);
  const response = computeDeadline(record.state, 'response', rules, { explain: false });
  const reachable = contacts.find((c) => c.email) ? 'email' : contacts.find((c) => c.phone) ? 'phone' : null;
  return {
    reference: view.reference,
    caseType: view.type,
    stage: view.stage,
    receivedOn: view.receivedOn,
    acknowledgementDueOn: view.acknowledgementDueOn,
    response: summariseDeadline(response),
    nextSteps: typeof view.flags.nextSteps === 'string' ? view.flags.nextSteps : null,
    contactBy: reachable ?? (view.flags.letterRequested ? 'letter' : 'none'),
    advocateCallRequested: Boolean(view.flags.advocateCall),
  };
}

/** The key a client sends with a submission so that sending it twice makes one case. */
export const ZIdempotencyKey = z
  .string({ error: 'portal.errors.idempotencyKey' })
  .min(16, { error: 'portal.errors.idempotencyKey' })
  .max(100, { error: 'portal.errors.idempotencyKey' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'portal.errors.idempotencyKey' });
