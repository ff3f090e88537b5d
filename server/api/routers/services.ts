import { listServices } from '@/server/query/services/list-services';
import { callVerb } from '../errors';
import { timeRangeInputSchema } from '../inputs/time-range';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const servicesRouter = createTRPCRouter({
  list: publicProcedure.input(timeRangeInputSchema).query(({ input }) => callVerb(() => listServices(input))),
});
