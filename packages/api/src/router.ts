import { authRouter } from './routers/auth/index';
import { publicRouter } from './routers/public/index';
import { staffRouter } from './routers/staff/index';
import { router } from './trpc';

/** Every procedure, by audience: `public.*` for the portal, `staff.*` for the back-office, `auth.*` for both. */
export const appRouter = router({
  public: publicRouter,
  staff: staffRouter,
  auth: authRouter,
});

export type AppRouter = typeof appRouter;
