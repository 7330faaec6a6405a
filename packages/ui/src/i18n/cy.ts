import auth from './cy/auth.json';
import backoffice from './cy/backoffice.json';
import common from './cy/common.json';
import errors from './cy/errors.json';
import { domainMessages } from '@heard/domain';
import casework from './cy/casework.json';
import portal from './cy/portal.json';
import reports from './cy/reports.json';
import messages from './cy/messages.json';

/** Welsh strings of both apps, by area. */
export const cy = { ...domainMessages.cy, common, portal, backoffice, auth, errors, casework, reports, messages };
