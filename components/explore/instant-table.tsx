'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import type { InstantResult } from '@/lib/explore/prom-api';
import { formatSeriesName } from '@/lib/explore/series';
import { formatInstant } from '@/lib/explore/time-axis';
import { formatValue, guessUnit, type ValueUnit } from '@/lib/explore/units';
import { describePromError, fetchInstant, retryPromQuery } from './prom-client';
import { QueryNotes } from './query-notes';

const MAX_ROWS = 2000;
const HEAD = 'whitespace-nowrap px-3 py-2 text-xs font-semibold uppercase tracking-wide text-fg-muted';
const CELL = 'px-3 py-1.5';

/** Instant queries (`/api/v1/query` at the end of the range): one table per query, one row per series. */
export function InstantTables({ queries, timeMs }: { queries: readonly string[]; timeMs: number }) {
  const results = useQueries({
    queries: queries.map((expr) => ({
      queryKey: ['prom', 'query', expr, timeMs],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchInstant(expr, timeMs, signal),
      placeholderData: keepPreviousData,
      retry: retryPromQuery,
      staleTime: 10_000,
    })),
  });
  return (
    <div className="flex flex-col gap-4">
      {results.map((r, i) => {
        const expr = queries[i];
        if (r.isError) {
          const { errorType, message } = describePromError(r.error);
          return <ErrorBanner key={i} title={`Query ${i + 1} failed (${errorType}):`} message={message} onRetry={() => void r.refetch()} retrying={r.isFetching} />;
        }
        if (!r.data) return <LoadingPanel key={i} label={`Running query ${i + 1}…`} />;
        return (
          <div key={i} className="flex flex-col gap-2">
            <QueryNotes index={i} warnings={r.data.warnings} infos={r.data.infos} skippedHistograms={r.data.skippedHistograms} />
            <ResultTable index={i} expr={expr} result={r.data.data} timeMs={timeMs} unit={guessUnit(expr)} />
          </div>
        );
      })}
    </div>
  );
}

function ResultTable({ index, expr, result, timeMs, unit }: { index: number; expr: string; result: InstantResult; timeMs: number; unit: ValueUnit }) {
  let rows: { key: string; name: string; value: string; raw: string }[];
  let kind: string;
  if (result.kind === 'vector') {
    kind = 'series';
    rows = result.series.map((s, i) => ({ key: String(i), name: formatSeriesName(s.labels), value: formatValue(s.v, unit), raw: s.raw }));
  } else if (result.kind === 'matrix') {
    kind = 'series (range vector: last sample, count)';
    rows = result.series.map((s, i) => {
      const last = s.points[s.points.length - 1];
      return { key: String(i), name: formatSeriesName(s.labels), value: last ? `${formatValue(last.v, unit)} (${s.points.length} samples)` : '–', raw: s.raw[s.raw.length - 1] ?? '' };
    });
  } else {
    kind = result.kind;
    rows = [{ key: '0', name: result.kind, value: result.kind === 'scalar' ? formatValue(Number(result.value), unit) : result.value, raw: result.value }];
  }
  const caption = `Query ${index + 1}: ${expr} · ${rows.length} ${kind} at ${formatInstant(timeMs)}`;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 py-2 text-left text-sm text-fg-muted"><span className="break-all">{caption}</span></caption>
        <thead className="border-y border-line bg-panel-raised">
          <tr>
            <th scope="col" className={`${HEAD} text-left`}>Series</th>
            <th scope="col" className={`${HEAD} text-right`}>Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr><td colSpan={2} className={`${CELL} text-fg-muted`}>No series at this time.</td></tr>
          )}
          {rows.slice(0, MAX_ROWS).map((row) => (
            <tr key={row.key} className="border-b border-line last:border-b-0 hover:bg-panel-raised/60">
              <th scope="row" className={`${CELL} break-all text-left font-mono text-xs font-normal`}>{row.name}</th>
              <td className={`${CELL} whitespace-nowrap text-right font-mono tabular-nums`} title={row.raw}>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && <p className="px-3 py-2 text-xs text-fg-muted">Showing the first {MAX_ROWS} of {rows.length} rows.</p>}
    </div>
  );
}
