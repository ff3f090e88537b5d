import { z } from 'zod';

/**
 * Process settings, validated once. Everything else reads settings from here, never from process.env.
 * Read lazily (not at import) so `next build` does not need them.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SIGHTLINE_DB: z.string().min(1).default('./data/sightline.db'),
  SIGHTLINE_CONFIG: z.string().min(1).default('./sightline.yaml'),
  /** Pending items (spans + log records + data points) the write queue holds before answering 503. */
  SIGHTLINE_WRITE_QUEUE_ITEMS: z.coerce.number().int().min(1).default(200_000),
  /** How often span metrics (traces_spanmetrics_*) are written, in ms; 0 turns span metrics off. */
  SIGHTLINE_SPAN_METRICS_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  /** Most span-metrics label sets (service, span name, kind, status) kept; spans of further ones are dropped. */
  SIGHTLINE_SPAN_METRICS_MAX_SERIES: z.coerce.number().int().min(1).default(10_000),
  /**
   * PromQL window bounds: 'left-open' as Prometheus 3 (default), 'closed' as Prometheus 2.x, for
   * teams whose dashboards must agree sample for sample with an older Prometheus.
   */
  SIGHTLINE_PROMQL_WINDOWS: z.enum(['left-open', 'closed']).default('left-open'),
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
