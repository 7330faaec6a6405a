import { deadlineCy, errorsCy, lifecycleCy } from '@heard/domain';
import common from './cy/common.json';
import errors from './cy/errors.json';
import portal from './cy/portal.json';

/**
 * The portal's strings in Welsh only, for its pages in the browser: the
 * back-office's areas stay out of the portal's download. Of the domain's
 * messages: validation (errors.*), and the case's stage, status, outcome and
 * how its due date was worked out, because a page that loads no JavaScript
 * of its own (the case page) is still rendered in the browser when reached
 * from one that does (after asking for the next stage, say).
 */
export const strings = { ...errorsCy, ...lifecycleCy, ...deadlineCy, common, errors, portal };
