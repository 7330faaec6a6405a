import { reportRepository } from '@heard/db';
import { toUkDate } from '@heard/domain';
import { recordAudit } from '../../../trpc';
import { staffProcedureWithAny } from '../casework/procedures';
import { ZAnnualReportInput } from './report.types';

/**
 * The statutory annual report (contracts.md): every table, and the query of
 * the cases behind each figure. Row-level security narrows the figures to
 * the cases the viewer may see (a service manager's divisions and services).
 */
export const annual = staffProcedureWithAny(['read:report:any', 'read:report:own'])
  .input(ZAnnualReportInput)
  .query(async ({ ctx, input }) => {
    const asOf = input.asOf ?? toUkDate(ctx.now());
    const built = await reportRepository(ctx.tx).build(ctx.council.id, { kind: 'annual', year: input.year }, asOf);
    await recordAudit(ctx, { action: 'read', detail: `staff.report.annual year=${input.year} asOf=${asOf}` });
    return built;
  });
