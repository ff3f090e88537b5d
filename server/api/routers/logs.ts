import { z } from 'zod';
import { logContext, logVolumeHistogram, searchLogs } from '@/server/query/logs/search-logs';
import { callVerb } from '../errors';
import { logCursorSchema, logFilterSchema } from '../inputs/log-search';
import { timeRangeInputSchema } from '../inputs/time-range';
import { createTRPCRouter, publicProcedure } from '../trpc';

const rangedFilter = timeRangeInputSchema.extend(logFilterSchema.shape);

export const logsRouter = createTRPCRouter({
  /** One page of matching records, newest first; pass the previous page's nextCursor for the next. */
  search: publicProcedure
    .input(rangedFilter.extend({ limit: z.number().int().min(1).max(500).optional(), cursor: logCursorSchema.nullish() }))
    .query(({ input }) => callVerb(() => searchLogs({ ...input, cursor: input.cursor ?? undefined }))),
  /** Matching records per time bucket and severity level (the volume histogram). */
  histogram: publicProcedure.input(rangedFilter).query(({ input }) => callVerb(() => logVolumeHistogram(input))),
  /** The records of the same service around one record; null when the record is not stored. */
  context: publicProcedure
    .input(z.object({ id: z.number().int().min(1), count: z.number().int().min(1).max(100).optional() }))
    .query(({ input }) => callVerb(() => logContext(input.id, input.count ?? 10))),
});
