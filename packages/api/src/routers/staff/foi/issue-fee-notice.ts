import { foiClockProcedure } from './clock';

/** A fees notice was sent: the clock pauses until it is paid (FOIA s.10(2)). */
export const issueFeeNotice = foiClockProcedure('issue_fee_notice');
