import { router } from '../../../trpc';
import { exportCsv } from './export-csv';
import { list } from './list';
import { review } from './review';
import { viewsRouter } from './views';

/** `staff.tracker.*`: the caseload, the weekly review, exports and saved views. */
export const trackerRouter = router({ exportCsv, list, review, views: viewsRouter });
