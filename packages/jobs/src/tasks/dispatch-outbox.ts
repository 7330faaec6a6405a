import { councilRepository, outboxDeliveryRepository, type ClaimedMessage, type HeardDatabase } from '@heard/db';
import { renderTemplate, TemplateError, type RenderedMessage } from '../templates/render';
import type { Transports } from '../transport/create-transports';
import { PermanentSendError } from '../transport/transport';

export type DispatchOptions = {
  councilId: string;
  workerId: string;
  transports: Transports;
  portalUrl: string;
  batchSize?: number;
  /** Attempts before a message is marked failed (each retry waits longer). */
  maxAttempts?: number;
  /** Called after a message is handed to the provider and before that is recorded (tests: the instant of a crash). */
  afterSend?: (message: ClaimedMessage) => Promise<void> | void;
};

export type DispatchResult = { sent: number; held: number; failed: number; retrying: number; takenOver: number };

/**
 * Sends one batch of a council's outbox. Each message is claimed (committed)
 * before it is sent and recorded (committed) after, so:
 *
 * - a retried job or a second worker never sends a message twice (a sent
 *   message is no longer pending; a claimed one belongs to a live worker);
 * - a worker that dies loses nothing: its claims are taken over as soon as
 *   its session's advisory lock is gone (at once, no lease to wait for);
 * - the one way to send twice is a crash after the provider accepted a
 *   message and before it was recorded: such a message is counted in
 *   `resends`, and the key goes to the provider (Notify `reference`, SMTP
 *   Message-ID) so the copy is recognisable.
 *
 * With no transport for a channel the message is rendered and kept (`held`):
 * the back-office "Sent messages" page shows it; nothing leaves the machine.
 */
export async function dispatchOutbox(database: HeardDatabase, options: DispatchOptions): Promise<DispatchResult> {
  const maxAttempts = options.maxAttempts ?? 8;
  const result: DispatchResult = { sent: 0, held: 0, failed: 0, retrying: 0, takenOver: 0 };
  const claimed = await database.withCouncil(options.councilId, (tx) => outboxDeliveryRepository(tx).claim(options.workerId, options.batchSize ?? 20));
  if (claimed.length === 0) return result;
  const context = await database.withCouncil(options.councilId, async (tx) => {
    const council = await councilRepository(tx).getById(options.councilId);
    const repo = outboxDeliveryRepository(tx);
    const facts = new Map<string, Awaited<ReturnType<typeof repo.findCaseFacts>>>();
    for (const id of new Set(claimed.map((m) => m.caseId).filter((id): id is string => id !== null))) facts.set(id, await repo.findCaseFacts(id));
    const host = council.hostnames[0];
    // A message in Welsh names the council by its Welsh name, where it has one.
    const councilName = { en: council.name, cy: council.nameCy ?? council.name };
    return { councilName, portalUrl: host ? `https://${host}` : options.portalUrl, facts };
  });

  for (const message of claimed) {
    if (message.takenOver) result.takenOver += 1;
    let rendered: RenderedMessage;
    try {
      rendered = renderTemplate(message.template, message.language, message.channel, message.payload, {
        councilName: context.councilName[message.language],
        portalUrl: context.portalUrl,
        case: message.caseId ? (context.facts.get(message.caseId) ?? null) : null,
      });
    } catch (error) {
      const permanent = error instanceof TemplateError;
      await record(database, options, (repo) => repo.markFailed(message.id, options.workerId, describe(error), permanent ? null : retryDelay(message.attempts)));
      if (permanent) result.failed += 1;
      else result.retrying += 1;
      continue;
    }
    const transport = options.transports[message.channel];
    if (!transport) {
      await record(database, options, (repo) => repo.markSent(message.id, options.workerId, { provider: 'outbox', reference: null, ...rendered }));
      result.held += 1;
      continue;
    }
    try {
      await record(database, options, (repo) => repo.markHanded(message.id, options.workerId));
      const receipt = await transport.send({
        channel: message.channel,
        to: message.recipient,
        subject: rendered.subject,
        body: rendered.body,
        language: message.language,
        idempotencyKey: message.idempotencyKey,
      });
      await options.afterSend?.(message);
      await record(database, options, (repo) => repo.markSent(message.id, options.workerId, { provider: receipt.provider, reference: receipt.reference, ...rendered }));
      result.sent += 1;
    } catch (error) {
      const giveUp = error instanceof PermanentSendError || message.attempts >= maxAttempts;
      await record(database, options, (repo) => repo.markFailed(message.id, options.workerId, describe(error), giveUp ? null : retryDelay(message.attempts), rendered));
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}

function record(database: HeardDatabase, options: DispatchOptions, work: (repo: ReturnType<typeof outboxDeliveryRepository>) => Promise<void>): Promise<void> {
  return database.withCouncil(options.councilId, (tx) => work(outboxDeliveryRepository(tx)));
}

/** 30 s, 1 min, 2 min, ... up to an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
