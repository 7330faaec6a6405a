import { ZComplaintInput } from '@heard/domain';
import { publicProcedure } from '../../../trpc';
import { submitCase, ZIdempotencyKey } from '../lib/intake';

/**
 * A complaint (a parent, a carer, an advocate, anyone), sent whole (the portal's pages send theirs from a draft with
 * `public.draft.submit`). One transaction: the case, its first event, its
 * idempotency key and the acknowledgement in the outbox; the same key again
 * returns the same case.
 */
export const submitComplaint = publicProcedure.input(ZComplaintInput.safeExtend({ idempotencyKey: ZIdempotencyKey })).mutation(({ ctx, input }) => {
  const { idempotencyKey, ...submission } = input;
  return submitCase(ctx, submission, { idempotencyKey, procedure: 'public.complaint.submit' });
});
