import { reportRepository } from '@heard/db';
import { quarterRange, type Quarter } from '@heard/domain';
import { recordAudit } from '../../../trpc';
import { staffProcedureWithAny } from '../casework/procedures';
import { ZLearningReportInput } from './report.types';

/**
 * The quarterly learning report: themes of upheld and partly upheld
 * complaints, learning actions open and done, and whether complainants were
 * told what changed (seed 002's review panel found they were not).
 */
export const learning = staffProcedureWithAny(['read:report:any', 'read:report:own'])
  .input(ZLearningReportInput)
  .query(async ({ ctx, input }) => {
    const range = quarterRange(input.year, input.quarter as Quarter);
    const report = await reportRepository(ctx.tx).learning(ctx.council.id, range.from, range.to);
    await recordAudit(ctx, { action: 'read', detail: `staff.report.learning year=${input.year} quarter=${input.quarter}` });
    return { period: range, ...report };
  });
