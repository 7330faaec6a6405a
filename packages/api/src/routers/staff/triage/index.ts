import { router } from '../../../trpc';
import { acknowledge } from './acknowledge';
import { assign } from './assign';
import { bulkAssign } from './bulk-assign';
import { classify } from './classify';
import { link } from './link';
import { outOfRemit } from './out-of-remit';
import { queue } from './queue';

/** `staff.triage.*`: new items classified, decided, routed, assigned and acknowledged. */
export const triageRouter = router({ acknowledge, assign, bulkAssign, classify, link, outOfRemit, queue });
