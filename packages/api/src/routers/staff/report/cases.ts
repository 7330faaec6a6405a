import { reportRepository } from '@heard/db';
import type { CellQuery } from '@heard/domain';
import { staffProcedureWithAny } from '../casework/procedures';
import { ZReportCasesInput } from './report.types';

/** At most this many cases are listed for one figure (the page says how many there are). */
export const DRILL_DOWN_LIMIT = 500;

/**
 * The cases one figure of the report counts (its drill-down), as the viewer
 * may see them: row-level security leaves out cases outside their scope,
 * and the same security narrowed the figure. Each case listed is a read,
 * audited.
 */
export const cases = staffProcedureWithAny(['read:report:any', 'read:report:own'])
  .input(ZReportCasesInput)
  .query(async ({ ctx, input }) => {
    const repository = reportRepository(ctx.tx);
    const result = await repository.listCases(ctx.council.id, input.query as CellQuery, input.asOf, DRILL_DOWN_LIMIT);
    await repository.recordReads({
      councilId: ctx.council.id,
      caseIds: result.cases.map((c) => c.id),
      actorUserId: ctx.session.userId,
      detail: 'staff.report.cases',
      ip: ctx.request.ip,
    });
    return { ...result, limit: DRILL_DOWN_LIMIT };
  });
