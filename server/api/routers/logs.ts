import { z } from 'zod';
import { listTraceLogs } from '@/server/query/logs/list-trace-logs';
import { callVerb } from '../errors';
import { timeRangeInputSchema } from '../inputs/time-range';
import { createTRPCRouter, publicProcedure } from '../trpc';

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${length}}$`), `must be ${length} hex characters`);

export const logsRouter = createTRPCRouter({
  byTrace: publicProcedure
    .input(timeRangeInputSchema.extend({ traceId: hex(32), spanId: hex(16).optional() }))
    .query(({ input }) => callVerb(() => listTraceLogs(input))),
});
