'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { ErrorBanner } from '@/components/ui/status-panels';
import { exploreHref, readExploreUrl, writeExploreUrl, type ExploreUrlState } from '@/lib/explore/explore-url';
import { resolveStep } from '@/lib/explore/step';
import { resolveTimeRange, type ResolvedTimeRange } from '@/lib/time-range';
import { describeTimeRange } from '@/lib/time-range-label';
import { ExploreGraph } from './explore-graph';
import { InstantTables } from './instant-table';
import { QueryForm } from './query-form';

const EXAMPLES: readonly { label: string; query: string }[] = [
  { label: 'p99 latency per service (span metrics)', query: 'histogram_quantile(0.99, sum by (service, le) (rate(traces_spanmetrics_latency_bucket[1m])))' },
  { label: 'Request rate per service', query: 'sum by (service) (rate(traces_spanmetrics_calls_total[1m]))' },
  { label: 'Error rate per service', query: 'sum by (service) (rate(traces_spanmetrics_calls_total{status_code="STATUS_CODE_ERROR"}[1m]))' },
];

/** /explore: PromQL rows (URL state) → a chart with exemplars, or a table of instant values. */
export function ExploreView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { range, setRange } = useTimeRange();
  const state = useMemo(() => readExploreUrl(params), [params]);
  // Bumped by "Run" when the URL does not change, so relative ranges re-resolve and queries re-run.
  const [runCount, setRunCount] = useState(0);
  const resolved = useMemo((): { ok: ResolvedTimeRange } | { error: string } => {
    void runCount;
    try {
      return { ok: resolveTimeRange(range, Date.now()) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [range, runCount]);
  const step = 'ok' in resolved ? resolveStep(resolved.ok.toMs - resolved.ok.fromMs, state.step) : null;

  const run = (next: ExploreUrlState) => {
    const qs = writeExploreUrl(params.toString(), next);
    if (qs === params.toString()) setRunCount((n) => n + 1);
    else router.push(`${pathname}?${qs}`);
  };
  const zoom = (fromMs: number, toMs: number) => setRange({ from: String(fromMs), to: String(toMs) });
  const stepLabel = step ? (step.auto ? ' (auto)' : step.raised ? ' (raised to stay under 11,000 points)' : '') : '';

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold text-fg">Explore</h1>
        <p className="text-sm text-fg-muted">PromQL over {describeTimeRange(range)}</p>
      </div>
      <QueryForm key={`form:${state.queries.join('\u0000')}`} state={state} autoStepSeconds={step?.auto ? step.seconds : null} onRun={run} />
      {'error' in resolved && <ErrorBanner title="Invalid time range." message={resolved.error} />}
      {'ok' in resolved && step && state.queries.length > 0 && (
        state.view === 'table' ? (
          <InstantTables key={runCount} queries={state.queries} timeMs={resolved.ok.toMs} />
        ) : (
          <ExploreGraph key={`graph:${state.queries.join('\u0000')}`} queries={state.queries} fromMs={resolved.ok.fromMs} toMs={resolved.ok.toMs}
            stepSeconds={step.seconds} stepLabel={stepLabel} range={range} onZoom={zoom} />
        )
      )}
      {state.queries.length === 0 && (
        <section aria-label="Examples" className="rounded-lg border border-line bg-panel p-4 text-sm">
          <p className="text-fg-muted">Type a PromQL query and press Enter. Completion (Ctrl+Space) knows the metric names, labels and values. Or start from an example:</p>
          <ul className="mt-2 flex flex-col gap-1">
            {EXAMPLES.map((ex) => (
              <li key={ex.query}>
                <Link className="text-accent hover:text-accent-strong hover:underline" href={exploreHref([ex.query], range)}>{ex.label}</Link>
                <code className="ml-2 break-all font-mono text-xs text-fg-muted">{ex.query}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
