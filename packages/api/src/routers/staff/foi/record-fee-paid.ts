import { foiClockProcedure } from './clock';

/** The fee was paid: the clock runs again. */
export const recordFeePaid = foiClockProcedure('record_fee_paid');
