import { outboxRepository } from '@heard/db';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { readPublicEnv } from '../lib/env';

/**
 * The development mailbox: the council's latest outbox messages, codes and
 * links included, so that codes can be used before the job queue sends
 * email. Only with HEARD_DEV_MAILBOX=1 (development, browser tests); "not
 * found" otherwise.
 */
export const devMailbox = publicProcedure.query(async ({ ctx }) => {
  if (readPublicEnv().HEARD_DEV_MAILBOX !== '1') throw new AppError('NOT_FOUND', 'errors.notFound');
  const messages = await outboxRepository(ctx.tx).listRecent(50);
  return messages.map((m) => ({ id: m.id, createdAt: m.createdAt, channel: m.channel, recipient: m.recipient, template: m.template, language: m.language, payload: m.payload }));
});
