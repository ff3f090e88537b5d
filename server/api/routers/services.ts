import { listServices } from '@/server/query/services/list-services';
import { getServiceMap } from '@/server/query/services/service-map';
import { callVerb } from '../errors';
import { timeRangeInputSchema } from '../inputs/time-range';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const servicesRouter = createTRPCRouter({
  list: publicProcedure.input(timeRangeInputSchema).query(({ input }) => callVerb(() => listServices(input))),
  /** Services and the calls between them (the service map), from parent/child spans that cross services. */
  map: publicProcedure.input(timeRangeInputSchema).query(({ input }) => callVerb(() => getServiceMap(input))),
});
