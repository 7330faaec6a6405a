import { router } from '../../../trpc';
import { annual } from './annual';
import { cases } from './cases';
import { importStart } from './import-start';
import { importStatus } from './import-status';
import { learning } from './learning';
import { quarterly } from './quarterly';

/** `staff.report.*`: the statutory reports, their drill-down, the learning report, and the historical import. */
export const reportRouter = router({ annual, quarterly, cases, learning, importStart, importStatus });
