import auth from './en/auth.json';
import backoffice from './en/backoffice.json';
import common from './en/common.json';
import errors from './en/errors.json';
import { domainMessages } from '@heard/domain';
import casework from './en/casework.json';
import portal from './en/portal.json';
import reports from './en/reports.json';
import messages from './en/messages.json';

/** English strings of both apps, by area. */
export const en = { ...domainMessages.en, common, portal, backoffice, auth, errors, casework, reports, messages };
