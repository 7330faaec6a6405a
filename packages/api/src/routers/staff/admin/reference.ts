import { adminRepository, REFERENCE_KINDS } from '@heard/db';
import { ZId, zChoice, zOptionalText, zText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';

/** Divisions, services, themes and localities: the council's own lists, never hard-coded. */
export const referenceAdminRouter = router({
  list: staffProcedureWith('manage:reference:any')
    .input(z.object({ kind: zChoice(REFERENCE_KINDS) }))
    .query(async ({ ctx, input }) => ({
      items: await adminRepository(ctx.tx).listReference(input.kind),
      divisions: input.kind === 'services' ? await adminRepository(ctx.tx).listReference('divisions') : [],
    })),
  save: staffProcedureWith('manage:reference:any')
    .input(
      z.object({
        kind: zChoice(REFERENCE_KINDS),
        id: ZId.optional(),
        name: zText({ max: 120 }),
        nameCy: zOptionalText({ max: 120 }),
        active: z.boolean().default(true),
        divisionId: ZId.optional(),
        framework: zChoice(['statutory', 'corporate']).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const admin = adminRepository(ctx.tx);
      if (input.kind === 'services' && input.divisionId && !(await admin.listReference('divisions')).some((d) => d.id === input.divisionId)) {
        throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { divisionId: 'errors.id.invalid' } });
      }
      const id = await admin.saveReference(input.kind, ctx.council.id, {
        id: input.id,
        name: input.name,
        nameCy: input.nameCy ?? null,
        active: input.active,
        ...(input.kind === 'services' ? { divisionId: input.divisionId ?? null, framework: input.framework ?? 'corporate' } : {}),
      });
      if (!id) throw new AppError('CONFLICT', 'errors.input', { fieldErrors: { name: 'casework.errors.nameTaken' } });
      await recordAudit(ctx, { action: 'change', detail: `staff.admin.reference.save:${input.kind}` });
      return { id };
    }),
});
