import { advocateRepository, attachmentRepository, draftRepository, intakeRepository, type Draft } from '@heard/db';
import { findJourneyStep, journeyProgress, type JourneyId, type StepContext } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import type { PublicContext } from './context';
import { confirmationFor, type AdvocateActor, type Confirmation } from './intake';
import { todayOf } from './rules';
import { hashSecret } from './secrets';

/** Answers are kept for 7 days after the last change (the start page says so). */
export const DRAFT_DAYS = 7;

export const ZDraftToken = z.string().min(20).max(100);

/** What a step's schema needs: today, and the council's services. */
export async function stepContext(ctx: PublicContext): Promise<StepContext> {
  const services = await intakeRepository(ctx.tx).listServices();
  return { today: todayOf(ctx), serviceIds: services.map((s) => s.id) };
}

/** The advocate acting, for the journey only an advocate may take. */
export async function advocateActor(ctx: PublicContext): Promise<AdvocateActor | null> {
  const session = ctx.session;
  if (session?.kind !== 'advocate') return null;
  const advocate = await advocateRepository(ctx.tx).getById(session.userId);
  return { userId: advocate.id, displayName: advocate.displayName, email: advocate.email, organisation: advocate.organisation };
}

export async function requireAdvocateFor(ctx: PublicContext, journey: JourneyId): Promise<AdvocateActor | null> {
  if (journey !== 'advocate-complaint') return null;
  const advocate = await advocateActor(ctx);
  if (!advocate) throw new AppError('NOT_SIGNED_IN', 'portal.advocate.errors.signInFirst');
  return advocate;
}

/** What the service already knows on the advocate's journey: who they are, and that they act for the young person. */
export function journeyBase(advocate: AdvocateActor | null): Record<string, unknown> {
  if (!advocate) return {};
  return {
    role: 'advocate',
    advocate: { name: advocate.displayName, organisation: advocate.organisation ?? advocate.displayName },
    contact: { fullName: advocate.displayName, email: advocate.email, contactPreference: 'email' },
  };
}

/** The draft a token stands for, if it is alive, belongs to this journey and (for advocates) to this advocate. */
export async function findDraft(ctx: PublicContext, token: string, journey?: JourneyId): Promise<Draft | undefined> {
  const draft = await draftRepository(ctx.tx).findLive(hashSecret(token), ctx.now());
  if (!draft || (journey && draft.journey !== journey)) return undefined;
  if (draft.advocateUserId && (ctx.session?.kind !== 'advocate' || ctx.session.userId !== draft.advocateUserId)) return undefined;
  return draft;
}

export type DraftView = {
  journey: JourneyId;
  answers: Record<string, Record<string, unknown>>;
  idempotencyKey: string;
  progress: { steps: string[]; answered: string[]; next: string | null };
  files: Array<{ id: string; fileName: string; sizeBytes: number }>;
  confirmation: Confirmation | null;
  expiresAt: Date;
};

export async function viewDraft(ctx: PublicContext, draft: Draft): Promise<DraftView> {
  const advocate = draft.journey === 'advocate-complaint' ? await advocateActor(ctx) : null;
  const { steps, answered, next } = journeyProgress(draft.journey, draft.answers, await stepContext(ctx), journeyBase(advocate));
  const files = await attachmentRepository(ctx.tx).listForDraft(draft.id);
  return {
    journey: draft.journey,
    answers: draft.answers,
    idempotencyKey: draft.idempotencyKey,
    progress: { steps, answered, next },
    files: files.map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes })),
    confirmation: draft.caseId ? await confirmationFor(ctx, draft.caseId) : null,
    expiresAt: draft.expiresAt,
  };
}

/** Field path to message key, the first per field, from a zod error. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return out;
}

export function requireStep(journey: JourneyId, step: string) {
  const found = findJourneyStep(journey, step);
  if (!found) throw new AppError('NOT_FOUND', 'errors.notFound');
  return found;
}
