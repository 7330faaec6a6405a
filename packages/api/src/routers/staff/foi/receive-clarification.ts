import { foiClockProcedure } from './clock';

/** The clarification arrived: the 20 working days start again from this day. */
export const receiveClarification = foiClockProcedure('receive_clarification');
