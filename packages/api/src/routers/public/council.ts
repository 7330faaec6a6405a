import { contextProcedure, router } from '../../trpc';

export const councilRouter = router({
  /** The council this portal serves: its name in English and Welsh (from the context: no database round trip). */
  current: contextProcedure.query(({ ctx }) => ({
    slug: ctx.council.slug,
    name: ctx.council.name,
    nameCy: ctx.council.nameCy,
  })),
});
