import { adminRepository } from '@heard/db';
import { zText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';
import { forgetOidcConfiguration } from '../../auth/oidc-client';

/** Single sign-on by OpenID Connect: a council switches it on with its provider's details. */
export const ssoRouter = router({
  get: staffProcedureWith('manage:sso:any').query(async ({ ctx }) => {
    const settings = await adminRepository(ctx.tx).getOidcSettings(ctx.council.id);
    return settings ? { enabled: settings.enabled, issuer: settings.issuer, clientId: settings.clientId, hasSecret: settings.clientSecret !== '' } : null;
  }),
  save: staffProcedureWith('manage:sso:any')
    .input(
      z.object({
        enabled: z.boolean(),
        issuer: zText({ max: 500 }).pipe(z.string().url({ error: 'casework.errors.issuerUrl' })),
        clientId: zText({ max: 200 }),
        clientSecret: z.string().max(500).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const url = new URL(input.issuer);
      const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      if (url.protocol !== 'https:' && !loopback) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { issuer: 'casework.errors.issuerHttps' } });
      const admin = adminRepository(ctx.tx);
      const existing = await admin.getOidcSettings(ctx.council.id);
      await admin.saveOidcSettings(ctx.council.id, {
        enabled: input.enabled,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecret: input.clientSecret ? input.clientSecret : (existing?.clientSecret ?? ''),
      });
      forgetOidcConfiguration(input.issuer);
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.sso.save' });
      return { ok: true as const };
    }),
});
