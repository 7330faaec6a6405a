import { router } from '../../trpc';
import { adminRouter } from './admin/index';
import { caseRouter } from './case/index';
import { dashboardRouter } from './dashboard';
import { escalationRouter } from './escalation/index';
import { foiRouter } from './foi/index';
import { advocacyRouter } from './logs/advocacy';
import { logsRouter } from './logs/index';
import { messagesRouter } from './messages/index';
import { me, referenceRouter } from './reference';
import { reportRouter } from './report/index';
import { subjectAccessRouter } from './subject-access/index';
import { trackerRouter } from './tracker/index';
import { triageRouter } from './triage/index';

export const staffRouter = router({
  dashboard: dashboardRouter,
  me,
  reference: referenceRouter,
  tracker: trackerRouter,
  triage: triageRouter,
  case: caseRouter,
  escalation: escalationRouter,
  foi: foiRouter,
  logs: logsRouter,
  advocacy: advocacyRouter,
  admin: adminRouter,
  messages: messagesRouter,
  subjectAccess: subjectAccessRouter,
  report: reportRouter,
});
