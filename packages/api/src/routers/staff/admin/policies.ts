import { adminRepository } from '@heard/db';
import { resolvePolicy, validateCouncilPolicyVersions, ZId, ZIsoDate, zOptionalText, type PolicyVersion } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';
import { todayOf } from '../casework/context';

/**
 * Timescale policy versions: what the council changes from the shipped
 * defaults, each from the date it takes effect (cases keep the policy of the
 * date they were received). Checked by the domain before it is saved.
 */
export const policiesRouter = router({
  list: staffProcedureWith('manage:policy:any').query(async ({ ctx }) => {
    const versions = await adminRepository(ctx.tx).listPolicyVersions();
    const today = todayOf(ctx);
    return { versions, current: resolvePolicy(today, versions as PolicyVersion[]), today };
  }),
  save: staffProcedureWith('manage:policy:any')
    .input(z.object({ effectiveFrom: ZIsoDate, override: z.record(z.string(), z.unknown()), note: zOptionalText({ max: 500 }) }))
    .mutation(async ({ ctx, input }) => {
      const admin = adminRepository(ctx.tx);
      const others = (await admin.listPolicyVersions()).filter((v) => v.effectiveFrom !== input.effectiveFrom).map((v) => ({ effectiveFrom: v.effectiveFrom, override: v.override }));
      const problems = validateCouncilPolicyVersions([...others, { effectiveFrom: input.effectiveFrom, override: input.override }]).filter((p) => p.version === others.length);
      if (problems.length > 0) {
        const fieldErrors: Record<string, string> = {};
        for (const problem of problems) fieldErrors[problem.path || 'override'] ??= problem.key;
        throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors, params: problems[0]?.params ?? {} });
      }
      await admin.savePolicyVersion(ctx.council.id, { effectiveFrom: input.effectiveFrom, override: input.override, note: input.note ?? null });
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.policies.save' });
      return { ok: true as const };
    }),
  delete: staffProcedureWith('manage:policy:any')
    .input(z.object({ id: ZId }))
    .mutation(async ({ ctx, input }) => {
      if (!(await adminRepository(ctx.tx).deletePolicyVersion(input.id))) throw new AppError('NOT_FOUND', 'errors.notFound');
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.policies.delete' });
      return { ok: true as const };
    }),
});
