import { ZEnquiryInput } from '@heard/domain';
import { publicProcedure } from '../../../trpc';
import { submitCase, ZIdempotencyKey } from '../lib/intake';

/**
 * An enquiry, from a member of the public or a councillor's, MP's or the Mayor's office, sent whole (the portal's pages send theirs from a draft with
 * `public.draft.submit`). One transaction: the case, its first event, its
 * idempotency key and the acknowledgement in the outbox; the same key again
 * returns the same case.
 */
export const submitEnquiry = publicProcedure.input(ZEnquiryInput.safeExtend({ idempotencyKey: ZIdempotencyKey })).mutation(({ ctx, input }) => {
  const { idempotencyKey, ...submission } = input;
  return submitCase(ctx, submission, { idempotencyKey, procedure: 'public.enquiry.submit' });
});
