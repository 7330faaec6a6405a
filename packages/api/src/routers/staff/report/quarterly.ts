import { reportRepository } from '@heard/db';
import { toUkDate, type Quarter } from '@heard/domain';
import { recordAudit } from '../../../trpc';
import { staffProcedureWithAny } from '../casework/procedures';
import { ZQuarterlyReportInput } from './report.types';

/** The same tables for one quarter of the financial year. */
export const quarterly = staffProcedureWithAny(['read:report:any', 'read:report:own'])
  .input(ZQuarterlyReportInput)
  .query(async ({ ctx, input }) => {
    const asOf = input.asOf ?? toUkDate(ctx.now());
    const built = await reportRepository(ctx.tx).build(ctx.council.id, { kind: 'quarterly', year: input.year, quarter: input.quarter as Quarter }, asOf);
    await recordAudit(ctx, { action: 'read', detail: `staff.report.quarterly year=${input.year} quarter=${input.quarter} asOf=${asOf}` });
    return built;
  });
