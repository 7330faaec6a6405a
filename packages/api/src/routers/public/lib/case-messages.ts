import { trackingRepository, type CaseContact } from '@heard/db';
import type { PublicContext } from './context';
import { newTrackLink } from './intake';
import { queueMessage } from './notifications';

/** Who we email about a case: the advocate acting, else the person who raised it. */
export async function contactFor(ctx: PublicContext, caseId: string): Promise<CaseContact | undefined> {
  const contacts = (await trackingRepository(ctx.tx).findContacts(caseId)).filter((c) => c.email);
  return contacts.find((c) => c.role === 'advocate') ?? contacts[0];
}

/** Queues an email about a case, with a fresh link to its page (the "signed link"), in the person's language. */
export async function queueCaseEmail(
  ctx: PublicContext,
  values: { caseId: string; contact: CaseContact; template: string; payload: Record<string, unknown>; key: string },
): Promise<void> {
  if (!values.contact.email) return;
  await queueMessage(ctx.tx, {
    councilId: ctx.council.id,
    caseId: values.caseId,
    channel: 'email',
    recipient: values.contact.email,
    template: values.template,
    language: values.contact.language ?? ctx.request.language,
    payload: { ...values.payload, trackUrl: await newTrackLink(ctx, values.caseId) },
    idempotencyKey: values.key,
  });
}
