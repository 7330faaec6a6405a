import { createHash } from 'node:crypto';
import { adminRepository, auditRepository, caseworkLogsRepository } from '@heard/db';
import { z } from 'zod';
import { startSession } from '../../auth/sessions';
import { AppError } from '../../errors';
import { safeReturnTo } from '../../return-to';
import { publicProcedure, recordAudit, router } from '../../trpc';
import { getOidcConfiguration, openidClient } from './oidc-client';

/** A sign-in started at the provider must come back within this time. */
export const OIDC_REQUEST_MS = 10 * 60_000;

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

const ZRedirectUri = z.string().max(500).url();

/**
 * Single sign-on by OpenID Connect, for councils that switch it on: the
 * authorisation code flow with PKCE, state and nonce (openid-client). The
 * provider does the second factor; Heard matches the person to an active
 * staff account by the provider's subject, or the first time by a verified
 * email, and starts a fresh session (no session fixation).
 */
export const oidcRouter = router({
  available: publicProcedure.query(async ({ ctx }) => {
    const settings = await adminRepository(ctx.tx).getOidcSettings(ctx.council.id);
    return { enabled: Boolean(settings?.enabled) };
  }),

  /** Where to send the browser, and the state to keep in its cookie (so only this browser can finish). */
  start: publicProcedure
    .input(z.object({ redirectUri: ZRedirectUri, returnTo: z.string().max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      const settings = await adminRepository(ctx.tx).getOidcSettings(ctx.council.id);
      if (!settings?.enabled) throw new AppError('REFUSED', 'casework.sso.errors.off');
      if (new URL(input.redirectUri).host !== ctx.request.host) throw new AppError('BAD_INPUT', 'casework.sso.errors.failed');
      let config;
      try {
        config = await getOidcConfiguration(settings);
      } catch {
        throw new AppError('REFUSED', 'casework.sso.errors.unavailable');
      }
      const state = openidClient.randomState();
      const nonce = openidClient.randomNonce();
      const codeVerifier = openidClient.randomPKCECodeVerifier();
      const logs = caseworkLogsRepository(ctx.tx);
      await logs.deleteExpiredOidcRequests(ctx.now());
      await logs.insertOidcRequest({
        stateHash: hashState(state),
        councilId: ctx.council.id,
        codeVerifier,
        nonce,
        returnTo: safeReturnTo(input.returnTo),
        expiresAt: new Date(ctx.now().getTime() + OIDC_REQUEST_MS),
      });
      const url = openidClient.buildAuthorizationUrl(config, {
        redirect_uri: input.redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await openidClient.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state };
    }),

  /** The provider sent the browser back: check state (against the cookie), code, PKCE and nonce, then start a session. */
  callback: publicProcedure
    .input(z.object({ callbackUrl: z.string().max(4000).url(), stateCookie: z.string().max(200).nullable() }))
    .mutation(async ({ ctx, input }) => {
      const fail = (detail: string, key = 'casework.sso.errors.failed'): never => {
        ctx.keepOnRefusal(async (tx) => {
          await recordAudit({ ...ctx, tx }, { action: 'sign_in_failed', detail: `oidc: ${detail}` });
        });
        throw new AppError('BAD_INPUT', key);
      };
      const settings = await adminRepository(ctx.tx).getOidcSettings(ctx.council.id);
      if (!settings?.enabled) throw new AppError('REFUSED', 'casework.sso.errors.off');
      const callbackUrl = new URL(input.callbackUrl);
      const state = callbackUrl.searchParams.get('state');
      if (!state || !input.stateCookie || state !== input.stateCookie) return fail('state does not match this browser');
      const pending = await caseworkLogsRepository(ctx.tx).takeOidcRequest(hashState(state));
      if (!pending || pending.expiresAt <= ctx.now()) return fail('unknown or expired state', 'casework.sso.errors.expired');
      let claims: { sub: string; email?: unknown; email_verified?: unknown } | undefined;
      try {
        const config = await getOidcConfiguration(settings);
        const tokens = await openidClient.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
        // Providers put the email in the ID token or only at the userinfo endpoint (OIDC Core 5.4).
        if (claims && typeof claims.email !== 'string') {
          const userinfo = await openidClient.fetchUserInfo(config, tokens.access_token, claims.sub);
          claims = { ...claims, email: userinfo.email, email_verified: userinfo.email_verified };
        }
      } catch (error) {
        return fail(`provider refused: ${(error as { code?: string }).code ?? 'error'}`);
      }
      if (!claims?.sub) return fail('no subject');
      const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
      const logs = caseworkLogsRepository(ctx.tx);
      const user = await logs.findStaffForOidc(claims.sub, email);
      if (!user || !user.active) return fail('no active staff account', 'casework.sso.errors.noAccount');
      // An account already linked to another subject is not taken over by a matching email.
      if (user.oidcSubject && user.oidcSubject !== claims.sub) return fail('account linked to another subject', 'casework.sso.errors.noAccount');
      if (!user.oidcSubject) await logs.linkOidcSubject(user.id, claims.sub);
      const session = await startSession(ctx.tx, {
        councilId: ctx.council.id,
        kind: 'staff',
        state: 'active',
        userId: user.id,
        now: ctx.now(),
        replacing: ctx.session?.tokenHash ?? null,
      });
      await auditRepository(ctx.tx).record({ councilId: ctx.council.id, action: 'sign_in', actorUserId: user.id, actorLabel: 'staff', detail: 'oidc', ip: ctx.request.ip });
      return { token: session.token, expiresAt: session.expiresAt, returnTo: pending.returnTo };
    }),
});
