import { router } from '../../../trpc';
import { agreeStatement } from './agree-statement';
import { appoint } from './appoint';
import { decide } from './decide';
import { ombudsmanDecision } from './ombudsman-decision';
import { ombudsmanOutcome } from './ombudsman-outcome';
import { recordPanel } from './record-panel';
import { recordPanelFindings } from './record-panel-findings';
import { referToOmbudsman } from './refer-to-ombudsman';
import { request } from './request';
import { schedulePanel } from './schedule-panel';

/** `staff.escalation.*`: Stage 2 and 3 requests and decisions, appointments, panels, the Ombudsman. */
export const escalationRouter = router({
  agreeStatement,
  appoint,
  decide,
  ombudsmanDecision,
  ombudsmanOutcome,
  recordPanel,
  recordPanelFindings,
  referToOmbudsman,
  request,
  schedulePanel,
});
