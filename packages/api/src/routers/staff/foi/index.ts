import { router } from '../../../trpc';
import { extend } from './extend';
import { issueFeeNotice } from './issue-fee-notice';
import { publish } from './publish';
import { receiveClarification } from './receive-clarification';
import { recordFeePaid } from './record-fee-paid';
import { requestClarification } from './request-clarification';
import { respond } from './respond';

/** `staff.foi.*`: the FOI clock (clarification, fees, public interest extension), the answer and the disclosure log. */
export const foiRouter = router({ extend, issueFeeNotice, publish, receiveClarification, recordFeePaid, requestClarification, respond });
