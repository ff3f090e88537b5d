import type { inferRouterOutputs } from '@trpc/server';
import type { logFilterOf } from '@/lib/log-search-url';
import type { TimeRangeInput } from '@/lib/time-range';
import type { AppRouter } from '@/server/api/root';

type Outputs = inferRouterOutputs<AppRouter>['logs'];
/** One log record as the API returns it (times as bigint unix ns). */
export type LogRecord = Outputs['search']['records'][number];
export type LogAttribute = LogRecord['attributes'][number];
export type LogHistogramData = Outputs['histogram'];

/** What logs.search and logs.histogram are asked: the time range plus the URL's filters. */
export type LogFilter = TimeRangeInput & ReturnType<typeof logFilterOf>;
