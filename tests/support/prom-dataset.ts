/**
 * A deterministic Prometheus dataset for differential tests and bench:promql: the same samples go
 * into a real Prometheus (rendered as OpenMetrics, imported with `promtool tsdb create-blocks-from
 * openmetrics`) and into Sightline (through its store), so every query must return the same numbers.
 *
 * Families (per "instance" i): a counter with resets, a gauge, a classic histogram, a summary.
 * Times are epoch ms on a fixed step grid.
 */
export interface PromSeriesData {
  name: string;
  labels: Record<string, string>;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  /** The family name for # TYPE (histogram/summary components share their family's name). */
  family: string;
  samples: { t: number; v: number }[];
}

export interface DatasetOptions {
  /** Number of instances; each contributes 1 counter, 1 gauge, 1 histogram (BUCKETS+2 series), 1 summary (5 series). */
  instances: number;
  startMs: number;
  endMs: number;
  stepMs: number;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ROUTES = ['/checkout', '/cart', '/products', '/orders'];

/** Small deterministic PRNG (mulberry32) so runs are repeatable. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const formatLe = (b: number) => (b === Infinity ? '+Inf' : String(b));

export function generateDataset(o: DatasetOptions): PromSeriesData[] {
  const out: PromSeriesData[] = [];
  const times: number[] = [];
  for (let t = o.startMs; t <= o.endMs; t += o.stepMs) times.push(t);
  for (let i = 0; i < o.instances; i++) {
    const rand = prng(i + 1);
    const base = { job: 'dt', instance: `host-${i % 50}:9100`, route: ROUTES[i % ROUTES.length], shard: String(Math.floor(i / 50)) };
    // Counter: increments, with a reset every ~20 minutes for some instances.
    let c = 0;
    const counter = times.map((t, k) => {
      if (i % 7 === 0 && k > 0 && k % 80 === 0) c = 0;
      c += Math.floor(rand() * 10);
      return { t, v: c };
    });
    out.push({ name: 'dt_requests_total', family: 'dt_requests', type: 'counter', labels: { ...base, code: i % 10 === 0 ? '500' : '200' }, samples: counter });
    // Gauge: a bounded random walk with fractional values.
    let g = 50;
    out.push({ name: 'dt_queue_depth', family: 'dt_queue_depth', type: 'gauge', labels: base, samples: times.map((t) => {
      g = Math.max(0, g + (rand() - 0.5) * 8);
      return { t, v: Math.round(g * 1000) / 1000 };
    }) });
    // Histogram: cumulative buckets from observations drawn each step.
    const counts = new Array(BUCKETS.length + 1).fill(0);
    let sum = 0;
    let count = 0;
    const bucketSeries = [...BUCKETS, Infinity].map(() => [] as { t: number; v: number }[]);
    const sumSeries: { t: number; v: number }[] = [];
    const countSeries: { t: number; v: number }[] = [];
    for (const t of times) {
      const n = 1 + Math.floor(rand() * 5);
      for (let j = 0; j < n; j++) {
        const x = Math.round(-Math.log(1 - rand()) * (0.05 + (i % 5) * 0.1) * 1e4) / 1e4;
        sum += x;
        count++;
        const idx = BUCKETS.findIndex((b) => x <= b);
        counts[idx === -1 ? BUCKETS.length : idx]++;
      }
      let cumulative = 0;
      counts.forEach((n2, k) => { cumulative += n2; bucketSeries[k].push({ t, v: cumulative }); });
      sumSeries.push({ t, v: Math.round(sum * 1e4) / 1e4 });
      countSeries.push({ t, v: count });
    }
    [...BUCKETS, Infinity].forEach((b, k) => out.push({
      name: 'dt_request_duration_seconds_bucket', family: 'dt_request_duration_seconds', type: 'histogram', labels: { ...base, le: formatLe(b) }, samples: bucketSeries[k],
    }));
    out.push({ name: 'dt_request_duration_seconds_sum', family: 'dt_request_duration_seconds', type: 'histogram', labels: base, samples: sumSeries });
    out.push({ name: 'dt_request_duration_seconds_count', family: 'dt_request_duration_seconds', type: 'histogram', labels: base, samples: countSeries });
    // Summary: quantiles as gauges that wander, plus sum/count.
    for (const q of ['0.5', '0.9', '0.99']) {
      out.push({ name: 'dt_rpc_seconds', family: 'dt_rpc_seconds', type: 'summary', labels: { ...base, quantile: q },
        samples: times.map((t) => ({ t, v: Math.round((Number(q) + rand() * 0.1) * 1000) / 1000 })) });
    }
    out.push({ name: 'dt_rpc_seconds_sum', family: 'dt_rpc_seconds', type: 'summary', labels: base, samples: countSeries.map((s) => ({ t: s.t, v: s.v * 0.3 })) });
    out.push({ name: 'dt_rpc_seconds_count', family: 'dt_rpc_seconds', type: 'summary', labels: base, samples: countSeries });
  }
  return out;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const formatValue = (v: number) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));

/** OpenMetrics text for promtool's backfill: families contiguous, each series' samples in time order. */
export function renderOpenMetrics(data: PromSeriesData[]): string {
  const lines: string[] = [];
  const byFamily = new Map<string, PromSeriesData[]>();
  for (const s of data) {
    const list = byFamily.get(s.family) ?? [];
    list.push(s);
    byFamily.set(s.family, list);
  }
  for (const [family, series] of byFamily) {
    lines.push(`# TYPE ${family} ${series[0].type}`);
    for (const s of series) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
      for (const p of s.samples) lines.push(`${s.name}{${labels}} ${formatValue(p.v)} ${p.t / 1000}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
