import { deadlineEn, errorsEn, lifecycleEn } from '@heard/domain';
import common from './en/common.json';
import errors from './en/errors.json';
import portal from './en/portal.json';

/**
 * The portal's strings in English only, for its pages in the browser: the
 * back-office's areas stay out of the portal's download. Of the domain's
 * messages: validation (errors.*), and the case's stage, status, outcome and
 * how its due date was worked out, because a page that loads no JavaScript
 * of its own (the case page) is still rendered in the browser when reached
 * from one that does (after asking for the next stage, say).
 */
export const strings = { ...errorsEn, ...lifecycleEn, ...deadlineEn, common, errors, portal };
