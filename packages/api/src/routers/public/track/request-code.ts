import { accessCodeRepository, trackingRepository } from '@heard/db';
import { ZTrackCaseInput } from '@heard/domain';
import { publicProcedure } from '../../../trpc';
import { queueMessage } from '../lib/notifications';
import { takeToken } from '../lib/rate-limit';
import { hashCode, newCode } from '../lib/secrets';

/** A code lasts 30 minutes (email and text messages can be slow). */
export const CODE_MINUTES = 30;
/** At most this many codes per case an hour, whoever asks. */
export const CODES_PER_HOUR = 5;

/**
 * Track a case, step one: the reference and the email address or mobile
 * number given with it. When they match the case, a six-digit code is queued
 * to that address or number. The answer is the same whether or not they
 * matched, so the form cannot be used to find out who made a complaint.
 */
export const requestTrackingCode = publicProcedure.input(ZTrackCaseInput).mutation(async ({ ctx, input }) => {
  const now = ctx.now();
  takeToken(ctx.database, 'codeRequest', ctx.request.ip ?? 'unknown', now);
  const tracking = trackingRepository(ctx.tx);
  const caseId = await tracking.findCaseIdByReference(input.reference);
  if (!caseId) return { sent: true as const };
  const contacts = await tracking.findContacts(caseId);
  const byEmail = input.email ? contacts.find((c) => c.email && c.email.toLowerCase() === input.email!.toLowerCase()) : undefined;
  const byPhone = !byEmail && input.phone ? contacts.find((c) => c.phone && c.phone === input.phone) : undefined;
  const match = byEmail ?? byPhone;
  if (!match) return { sent: true as const };
  const codes = accessCodeRepository(ctx.tx);
  if ((await codes.countSince({ purpose: 'track_code', caseId, since: new Date(now.getTime() - 3600_000) })) >= CODES_PER_HOUR) return { sent: true as const };
  const code = newCode();
  await codes.insert({ councilId: ctx.council.id, purpose: 'track_code', caseId, userId: null, secretHash: hashCode(caseId, code), expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000), now });
  await queueMessage(ctx.tx, {
    councilId: ctx.council.id,
    caseId,
    channel: byEmail ? 'email' : 'sms',
    recipient: byEmail ? byEmail.email! : byPhone!.phone!,
    template: 'tracking_code',
    language: match.language ?? ctx.request.language,
    payload: { code, reference: input.reference, minutes: CODE_MINUTES },
    idempotencyKey: `tracking_code:${caseId}:${now.getTime()}:${code}`,
  });
  return { sent: true as const };
});
