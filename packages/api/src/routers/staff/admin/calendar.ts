import { adminRepository } from '@heard/db';
import { HOLIDAY_DATA_COVERAGE, listBankHolidays, ZClosureDayInput, ZIsoDate, type BankHolidayDivision } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';

/** The council's calendar: its bank holidays (shipped data) and its own closure days, which are not working days. */
export const calendarRouter = router({
  list: staffProcedureWith('manage:policy:any').query(async ({ ctx }) => {
    const closureDays = await adminRepository(ctx.tx).listClosureDays();
    const division = (ctx.council.calendar as BankHolidayDivision) ?? 'england-and-wales';
    return { calendar: ctx.council.calendar, closureDays, bankHolidays: listBankHolidays(division).slice(-30), coverage: HOLIDAY_DATA_COVERAGE };
  }),
  save: staffProcedureWith('manage:policy:any')
    .input(ZClosureDayInput)
    .mutation(async ({ ctx, input }) => {
      await adminRepository(ctx.tx).saveClosureDay(ctx.council.id, input);
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.calendar.save' });
      return { ok: true as const };
    }),
  delete: staffProcedureWith('manage:policy:any')
    .input(z.object({ date: ZIsoDate }))
    .mutation(async ({ ctx, input }) => {
      if (!(await adminRepository(ctx.tx).deleteClosureDay(input.date))) throw new AppError('NOT_FOUND', 'errors.notFound');
      await recordAudit(ctx, { action: 'change', detail: 'staff.admin.calendar.delete' });
      return { ok: true as const };
    }),
});
