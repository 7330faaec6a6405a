import { router } from '../../../trpc';
import { calendarRouter } from './calendar';
import { policiesRouter } from './policies';
import { referenceAdminRouter } from './reference';
import { ssoRouter } from './sso';
import { templatesRouter } from './templates';
import { usersRouter } from './users';

/** `staff.admin.*`: the council's configuration, for administrators. */
export const adminRouter = router({
  calendar: calendarRouter,
  policies: policiesRouter,
  reference: referenceAdminRouter,
  sso: ssoRouter,
  templates: templatesRouter,
  users: usersRouter,
});
