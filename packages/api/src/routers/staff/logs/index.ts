import { router } from '../../../trpc';
import { compliments } from './compliments';
import { enquiries } from './enquiries';

/** `staff.logs.*`: the enquiries and compliments logs. */
export const logsRouter = router({ compliments, enquiries });
