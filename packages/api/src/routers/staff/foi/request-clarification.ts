import { foiClockProcedure } from './clock';

/** Asks the requester to clarify: the 20 working days stop until the answer arrives (FOIA s.1(3)). */
export const requestClarification = foiClockProcedure('request_clarification');
