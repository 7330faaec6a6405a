import { ZComplimentSubmission } from '@heard/domain';
import { publicProcedure } from '../../../trpc';
import { submitCase, ZIdempotencyKey } from '../lib/intake';

/**
 * A compliment, sent whole (the portal's pages send theirs from a draft with
 * `public.draft.submit`). One transaction: the case, its first event, its
 * idempotency key and the acknowledgement in the outbox; the same key again
 * returns the same case.
 */
export const submitCompliment = publicProcedure.input(ZComplimentSubmission.safeExtend({ idempotencyKey: ZIdempotencyKey })).mutation(({ ctx, input }) => {
  const { idempotencyKey, ...submission } = input;
  return submitCase(ctx, submission, { idempotencyKey, procedure: 'public.compliment.submit' });
});
