/**
 * The tRPC spine, in sections: initialisation and error shape, middleware
 * (tenant transaction, authentication, permissions, audit), and the base
 * procedures every router builds on.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { auditRepository, describeError, isDatabaseUnavailable, sessionRepository, type AuditAction, type Tx } from '@heard/db';
import { loadSession } from './auth/sessions';
import type { Context, Session } from './context';
import { AppError, describeApiError } from './errors';
import { rolesGrant, type Permission } from './permissions';

// 1. Initialisation ------------------------------------------------------------

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const described = describeApiError(error);
    // Never send internals (stack, SQL, library messages) to a caller.
    return {
      message: described.messageKey,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: described.status, path: shape.data.path, ...described },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

// 2. Middleware -----------------------------------------------------------------

const ROLLBACK = Symbol('rollback');

/** Work that must be saved even when the call is refused and rolled back. */
export type KeepOnRefusal = (work: (tx: Tx) => Promise<void>) => void;

/**
 * Runs the procedure in one transaction as the app role with the council set
 * for row-level security; a failed procedure rolls everything back, so
 * nothing half-done is ever saved. What a refusal itself must record (a
 * failed sign-in counted towards the lockout, its audit row) is handed to
 * `keepOnRefusal` and written in a transaction of its own after the rollback.
 */
const inCouncilTransaction = t.middleware(async ({ ctx, next }) => {
  const kept: Array<(tx: Tx) => Promise<void>> = [];
  const keepOnRefusal: KeepOnRefusal = (work) => kept.push(work);
  const proceed = (tx: Tx, session: Session | null) => next({ ctx: { tx, session, keepOnRefusal } });
  let result: Awaited<ReturnType<typeof proceed>> | undefined;
  try {
    await ctx.database.withCouncil(ctx.council.id, async (tx: Tx) => {
      const loaded = ctx.sessionToken ? await loadSession(tx, ctx.sessionToken, ctx.now()) : null;
      let session: Session | null = null;
      if (loaded && 'expired' in loaded) {
        const expired = loaded.expired;
        await sessionRepository(tx).delete(expired);
        keepOnRefusal((retry) => sessionRepository(retry).delete(expired));
      } else {
        session = loaded;
      }
      result = await proceed(tx, session);
      if (!result.ok) throw ROLLBACK;
    });
  } catch (error) {
    // The database restarting, unreachable, full or read-only: nothing was saved (or, at a
    // lost commit, the idempotency key makes the retry safe); the person is told to try again.
    const failed = result && !result.ok ? result.error : undefined;
    const unavailable = [error === ROLLBACK ? failed : error, failed].find((e) => isDatabaseUnavailable(e));
    if (unavailable) {
      // The operator needs the cause (a database message: no one's data); the person gets "try again".
      console.error(`database unavailable: ${describeError(unavailable)}`);
      throw new AppError('UNAVAILABLE', 'errors.unavailable');
    }
    if (error !== ROLLBACK) throw error;
    if (kept.length > 0) {
      await ctx.database.withCouncil(ctx.council.id, async (tx) => {
        for (const work of kept) await work(tx);
      });
    }
  }
  return result!;
});

type StaffSession = Extract<Session, { kind: 'staff' }>;

// 3. Base procedures --------------------------------------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every string of an input as PostgreSQL can store it, before validation: a
 * lone UTF-16 surrogate (half a character, which no keyboard makes) becomes
 * U+FFFD and NUL is dropped. Stored as they came, a jsonb payload holding
 * either was refused by the database with a 500 (found by the fuzz suite).
 * Objects are rebuilt with Object.fromEntries, so a `__proto__` key stays a
 * plain key; files and other non-plain values pass as they are.
 */
function storableText(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(storableText);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, storableText(inner)]));
  }
  return value;
}

const storableInput = t.middleware(({ next, getRawInput }) => next({ getRawInput: async () => storableText(await getRawInput()) }));

/** Anyone; one council transaction per call. */
export const publicProcedure = t.procedure.use(storableInput).use(inCouncilTransaction);

/**
 * Anyone, answered from the request's context alone (the council resolved for
 * the host, cached): no transaction, no query. For what every page's root
 * loader asks, so a content page costs the database nothing (`pnpm bench`).
 */
export const contextProcedure = t.procedure.use(storableInput);

/**
 * Signed-in staff with both factors checked. The person is named to the
 * database for the rest of the transaction (`heard.user_id`), so row-level
 * security narrows every case table to their role's scope as well
 * (migration 20261124T040000-staff-casework, docs/adr/0006).
 */
export const staffProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = ctx.session;
  if (!session || session.kind !== 'staff' || session.pendingSecondFactor) {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
  await sql`select set_config('heard.user_id', ${session.userId}, true)`.execute(ctx.tx);
  return next({ ctx: { session: session as StaffSession } });
});

/**
 * A staff procedure that also needs a permission (cal.com's PBAC factories):
 * throws FORBIDDEN before any input is read.
 */
export function staffProcedureWith(permission: Permission) {
  return staffProcedure.use(({ ctx, next }) => {
    if (!rolesGrant(ctx.session.roles.map((grant) => grant.role), permission)) {
      throw new AppError('FORBIDDEN', 'errors.forbidden');
    }
    return next();
  });
}

/** Writes one audit row in the procedure's own transaction (who, what, from where). */
export type AuditContext = { tx: Tx; council: { id: string }; session: Session | null; request: { ip: string | null } };

export function recordAudit(
  ctx: AuditContext,
  entry: { action: AuditAction; caseId?: string | null; detail?: string },
): Promise<void> {
  const session = ctx.session;
  return auditRepository(ctx.tx).record({
    councilId: ctx.council.id,
    action: entry.action,
    actorUserId: session && session.kind !== 'citizen' ? session.userId : null,
    actorLabel: session ? session.kind : 'public',
    caseId: entry.caseId ?? null,
    detail: entry.detail ?? null,
    ip: ctx.request.ip,
  });
}
