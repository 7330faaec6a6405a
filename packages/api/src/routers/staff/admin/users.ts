import { adminRepository } from '@heard/db';
import { STAFF_ROLES, ZId, zChoice, zText } from '@heard/domain';
import { z } from 'zod';
import { hashPassword } from '../../../auth/passwords';
import { newTotpSecret, totpUri } from '../../../auth/totp';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';

const ZRoleGrant = z.object({ role: zChoice(STAFF_ROLES), divisionId: ZId.nullable().default(null), serviceId: ZId.nullable().default(null) });

/** Staff accounts and their roles (a service manager's with their divisions or services). */
export const usersRouter = router({
  list: staffProcedureWith('manage:user:any').query(async ({ ctx }) => ({ staff: await adminRepository(ctx.tx).listStaff() })),
  create: staffProcedureWith('manage:user:any')
    .input(
      z.object({
        email: z.string({ error: 'errors.email.required' }).trim().toLowerCase().min(1, { error: 'errors.email.required' }).max(254).email({ error: 'errors.email.invalid' }),
        displayName: zText({ max: 120, required: 'errors.name.required' }),
        password: z.string().min(12, { error: 'casework.errors.passwordTooShort' }).max(200).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const totpSecret = newTotpSecret();
      const id = await adminRepository(ctx.tx).createStaff(ctx.council.id, {
        email: input.email,
        displayName: input.displayName,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        totpSecret,
      });
      if (!id) throw new AppError('CONFLICT', 'errors.input', { fieldErrors: { email: 'casework.errors.emailTaken' } });
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.users.create' });
      // Shown once, to set up the person's authenticator app.
      return { id, totpSecret, totpUri: totpUri(totpSecret, input.email, 'Heard') };
    }),
  update: staffProcedureWith('manage:user:any')
    .input(z.object({ userId: ZId, displayName: zText({ max: 120, required: 'errors.name.required' }), active: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.session.userId && !input.active) throw new AppError('REFUSED', 'casework.errors.cannotDeactivateSelf');
      if (!(await adminRepository(ctx.tx).updateStaff(input.userId, input))) throw new AppError('NOT_FOUND', 'errors.notFound');
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.users.update' });
      return { ok: true as const };
    }),
  setRoles: staffProcedureWith('manage:user:any')
    .input(z.object({ userId: ZId, roles: z.array(ZRoleGrant).max(20, { error: 'errors.list.tooLong' }) }))
    .mutation(async ({ ctx, input }) => {
      const admin = adminRepository(ctx.tx);
      const [staff, divisions, services] = await Promise.all([admin.listStaff(), admin.listReference('divisions'), admin.listReference('services')]);
      if (!staff.some((s) => s.id === input.userId)) throw new AppError('NOT_FOUND', 'errors.notFound');
      for (const grant of input.roles) {
        if (grant.divisionId && !divisions.some((d) => d.id === grant.divisionId)) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { roles: 'errors.id.invalid' } });
        if (grant.serviceId && !services.some((s) => s.id === grant.serviceId)) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { roles: 'errors.id.invalid' } });
        if (grant.role === 'service_manager' && !grant.divisionId && !grant.serviceId) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { roles: 'casework.errors.managerNeedsScope' } });
      }
      if (input.userId === ctx.session.userId && !input.roles.some((r) => r.role === 'administrator')) throw new AppError('REFUSED', 'casework.errors.cannotRemoveOwnAdmin');
      await admin.setRoles(ctx.council.id, input.userId, input.roles);
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.users.setRoles' });
      return { ok: true as const };
    }),
});
