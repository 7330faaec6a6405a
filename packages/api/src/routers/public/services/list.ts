import { intakeRepository } from '@heard/db';
import { publicProcedure } from '../../../trpc';

/** The council's services, A to Z, for the "which service" questions (reference data, never a fixed list). */
export const listServices = publicProcedure.query(async ({ ctx }) => {
  const services = await intakeRepository(ctx.tx).listServices();
  return services.map((s) => ({ id: s.id, name: s.name, nameCy: s.nameCy }));
});
