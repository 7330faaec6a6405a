import { adminRepository, LETTER_KINDS } from '@heard/db';
import { ZId, zChoice, zText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';
import { effectiveTemplates, MERGE_FIELDS, unknownMergeFields } from '../casework/letters';

/** Letter templates in English and Welsh, with merge fields checked on saving. */
export const templatesRouter = router({
  list: staffProcedureWith('manage:template:any').query(async ({ ctx }) => {
    const own = await adminRepository(ctx.tx).listTemplates();
    return { templates: own, defaults: effectiveTemplates([]).filter((d) => !own.some((t) => t.active && t.kind === d.kind)), mergeFields: MERGE_FIELDS };
  }),
  save: staffProcedureWith('manage:template:any')
    .input(
      z.object({
        id: ZId.optional(),
        kind: zChoice(LETTER_KINDS),
        name: zText({ max: 120 }),
        subjectEn: zText({ max: 200 }),
        bodyEn: zText({ max: 20000 }),
        subjectCy: zText({ max: 200 }),
        bodyCy: zText({ max: 20000 }),
        active: z.boolean().default(true),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const fieldErrors: Record<string, string> = {};
      for (const field of ['subjectEn', 'bodyEn', 'subjectCy', 'bodyCy'] as const) {
        const unknown = unknownMergeFields(input[field]);
        if (unknown.length > 0) fieldErrors[field] = 'casework.errors.unknownMergeField';
      }
      if (Object.keys(fieldErrors).length > 0) {
        const unknown = [...new Set((['subjectEn', 'bodyEn', 'subjectCy', 'bodyCy'] as const).flatMap((f) => unknownMergeFields(input[f])))];
        throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors, params: { fields: unknown.join(', ') } });
      }
      const id = await adminRepository(ctx.tx).saveTemplate(ctx.council.id, input, ctx.now());
      if (!id) throw new AppError('CONFLICT', 'errors.input', { fieldErrors: { name: 'casework.errors.nameTaken' } });
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.templates.save' });
      return { id };
    }),
});
