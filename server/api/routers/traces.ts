import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { parseDurationNs } from '@/lib/duration-input';
import { listTraceOperations, searchTraces } from '@/server/query/traces/search-traces';
import { getSpanDetailView, getTraceView } from '@/server/query/traces/get-trace-view';
import { describeSpanRefs } from '@/server/query/traces/span-briefs';
import { callVerb } from '../errors';
import { attributeFilterSchema } from '../inputs/attribute-filter';
import { timeRangeInputSchema } from '../inputs/time-range';
import { createTRPCRouter, publicProcedure } from '../trpc';

const durationSchema = z.string().trim().max(32).transform((text, ctx) => {
  const ns = parseDurationNs(text);
  if (ns === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration: use e.g. 250ms, 1.5s, 800us` });
    return z.NEVER;
  }
  return ns;
});

const searchInputSchema = timeRangeInputSchema.extend({
  service: z.string().max(256).optional(),
  operation: z.string().max(1024).optional(),
  minDuration: durationSchema.optional(),
  maxDuration: durationSchema.optional(),
  errorsOnly: z.boolean().optional(),
  attributes: z.array(attributeFilterSchema).max(20).optional(),
  sort: z.enum(['newest', 'oldest', 'slowest', 'errors']).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).max(100_000).optional(),
});

export const tracesRouter = createTRPCRouter({
  search: publicProcedure.input(searchInputSchema).query(({ input }) => callVerb(() => searchTraces({
    ...input, minDurationNs: input.minDuration, maxDurationNs: input.maxDuration,
  }))),
  operations: publicProcedure.input(timeRangeInputSchema.extend({ service: z.string().min(1).max(256) }))
    .query(({ input }) => callVerb(() => listTraceOperations(input))),
  /**
   * The trace for the waterfall; null when no span of it is stored (yet). `spans` travels as one JSON
   * string (parse with parseTraceViewSpans): superjson walks every value of a 10,000-span array
   * (~100 ms), a string costs it nothing.
   */
  get: publicProcedure.input(z.object({ traceId: z.string().max(64) })).query(({ input }) => callVerb(() => {
    const found = getTraceView(input.traceId);
    if (found.kind === 'bad-id') throw new TRPCError({ code: 'BAD_REQUEST', message: found.message });
    if (found.kind === 'not-found') return null;
    const { spans, ...trace } = found.trace;
    return { ...trace, spanCount: spans.length, spansJson: JSON.stringify(spans) };
  })),
  /** One span's attributes, events, links, resource and scope; null when not stored. */
  span: publicProcedure.input(z.object({ traceId: z.string().regex(/^[0-9a-fA-F]{32}$/), spanId: z.string().regex(/^[0-9a-fA-F]{16}$/) }))
    .query(({ input }) => callVerb(() => getSpanDetailView(input.traceId, input.spanId))),
  /** Service, span name and duration behind trace/span references (exemplar hovers); says when a trace is not stored. */
  briefs: publicProcedure
    .input(z.object({ refs: z.array(z.object({ traceId: z.string().regex(/^[0-9a-fA-F]{32}$/), spanId: z.string().regex(/^[0-9a-fA-F]{16}$/).nullish() })).max(200) }))
    .query(({ input }) => callVerb(() => describeSpanRefs(input.refs))),
});
