import { z } from 'zod';

/**
 * Process settings, validated once. Everything else reads settings from here, never from process.env.
 * Read lazily (not at import) so `next build` does not need them.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SIGHTLINE_DB: z.string().min(1).default('./data/sightline.db'),
  SIGHTLINE_CONFIG: z.string().min(1).default('./sightline.yaml'),
  /** Folder of provisioned dashboards (*.json, the model of lib/dashboards/model.ts); reloaded when files change. */
  SIGHTLINE_DASHBOARDS_DIR: z.string().min(1).default('./dashboards'),
  /** Pending items (spans + log records + data points) the write queue holds before answering 503. */
  SIGHTLINE_WRITE_QUEUE_ITEMS: z.coerce.number().int().min(1).default(200_000),
  /** How often span metrics (traces_spanmetrics_*) are written, in ms; 0 turns span metrics off. */
  SIGHTLINE_SPAN_METRICS_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  /** Most span-metrics label sets (service, span name, kind, status) kept; spans of further ones are dropped. */
  SIGHTLINE_SPAN_METRICS_MAX_SERIES: z.coerce.number().int().min(1).default(10_000),
  /**
   * The Prometheus major version whose semantics Sightline reproduces where 2.x and 3.x differ:
   * window bounds (3: left-open (t - range, t]; 2: closed) and scraped `le`/`quantile` values
   * (3 normalizes `1` to `1.0`; 2 keeps them as exposed). For teams that must agree sample for
   * sample with an older Prometheus; the differential tests use it against Debian's 2.x.
   */
  SIGHTLINE_PROMETHEUS_COMPAT: z.enum(['3', '2']).default('3'),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    cached = parsed.data;
  }
  return cached;
}
