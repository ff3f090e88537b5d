/**
 * Plain domain rows: what ingest produces and the store persists. No drizzle types here, so a second
 * storage backend can implement the same port.
 *
 * Invariants shared by every row:
 * - ids are lowercase hex (trace 32 chars, span 16 chars); an absent id is `null`, never "".
 * - `*UnixNano` times are nanoseconds since the epoch as `bigint` (they exceed 2^53); 0n means "unset".
 * - `*Json` fields hold canonical OTLP/JSON text (see lib/otlp-json.ts): KeyValue lists for attributes,
 *   AnyValue for log bodies, with int64 values as decimal strings, bytes as base64. Storing the OTLP
 *   form keeps the round trip exact (int vs double, nested values) and needs no second schema.
 */

export interface ResourceRow {
  /** `service.name` attribute, or "unknown_service" as the OTel SDKs default it. */
  serviceName: string;
  attributesJson: string;
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface ScopeRow {
  name: string;
  version: string;
  attributesJson: string;
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface SpanRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  traceState: string;
  flags: number;
  name: string;
  /** OTLP SpanKind enum (0 unspecified … 5 consumer). */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  /** OTLP StatusCode enum: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string;
  attributesJson: string;
  droppedAttributesCount: number;
  /** OTLP/JSON array of Span.Event objects (timeUnixNano as string). */
  eventsJson: string;
  droppedEventsCount: number;
  /** OTLP/JSON array of Span.Link objects (ids as lowercase hex). */
  linksJson: string;
  droppedLinksCount: number;
}

export interface LogRow {
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  /** OTLP/JSON AnyValue of the body; "{}" when the record has no body. */
  bodyJson: string;
  /** Plain text used for full-text search: the string body, or the body rendered as JSON. */
  bodyText: string;
  attributesJson: string;
  droppedAttributesCount: number;
  flags: number;
  traceId: string | null;
  spanId: string | null;
  eventName: string;
}

/** OTLP metric data kinds, named as in the proto's `data` oneof. */
export type MetricKind = 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';

/** One OTLP Metric's identity plus one data point's attributes: a series. */
export interface MetricSeriesKey {
  /** OTLP metric name as sent, e.g. `http.server.request.duration`. */
  name: string;
  description: string;
  unit: string;
  kind: MetricKind;
  /** OTLP AggregationTemporality: 0 unspecified, 1 delta, 2 cumulative (sum and histograms only). */
  temporality: number;
  isMonotonic: boolean;
  /** Point attributes as canonical OTLP/JSON KeyValue list. */
  attributesJson: string;
  /** Metric.metadata as canonical OTLP/JSON KeyValue list ("[]" when absent). */
  metadataJson: string;
}

export interface ExemplarRow {
  timeUnixNano: bigint;
  /** asDouble, or asInt as a bigint. */
  value: number | bigint;
  traceId: string | null;
  spanId: string | null;
  filteredAttributesJson: string;
}

interface PointBase {
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  flags: number;
  exemplars: ExemplarRow[];
}

/** Gauge and sum points: asDouble as number, asInt as bigint (kept exact). */
export interface NumberPoint extends PointBase {
  kind: 'number';
  value: number | bigint;
}

export interface HistogramPoint extends PointBase {
  kind: 'histogram';
  count: bigint;
  sum: number | null;
  min: number | null;
  max: number | null;
  bucketCounts: bigint[];
  explicitBounds: number[];
}

export interface ExponentialHistogramPoint extends PointBase {
  kind: 'exponentialHistogram';
  count: bigint;
  sum: number | null;
  min: number | null;
  max: number | null;
  scale: number;
  zeroCount: bigint;
  zeroThreshold: number;
  positiveOffset: number;
  positiveBucketCounts: bigint[];
  negativeOffset: number;
  negativeBucketCounts: bigint[];
}

export interface SummaryPoint extends PointBase {
  kind: 'summary';
  count: bigint;
  sum: number;
  quantileValues: { quantile: number; value: number }[];
}

export type MetricPoint = NumberPoint | HistogramPoint | ExponentialHistogramPoint | SummaryPoint;

export interface MetricRow {
  series: MetricSeriesKey;
  point: MetricPoint;
}

/** A metric's identity: a series key without the point attributes. */
export type MetricIdentity = Omit<MetricSeriesKey, 'attributesJson'>;

/**
 * Number points without exemplars, as columns (index i is one point). Exact: times are uint64 and
 * asInt values int64, as OTLP declares them.
 */
export interface NumberPointColumns {
  /** ns since the epoch. */
  timeUnixNano: BigUint64Array;
  startTimeUnixNano: BigUint64Array;
  flags: Uint32Array;
  /** 1 where the point's value is asInt (read `ints`), 0 where it is asDouble (read `doubles`). */
  isInt: Uint8Array;
  doubles: Float64Array;
  ints: BigInt64Array;
}

/**
 * The points of one metric in one request, by column: the writer's input form. Crossing from the decode
 * worker as a structured clone, a MetricRow per point cost ~1.6 µs to receive (eight strings and three
 * objects each); this form sends the identity once, one string per point and a few typed arrays.
 * Number points without exemplars travel as columns; any other metric keeps its points as objects.
 * Invariant: `attributesJson.length` equals the number of points, and points keep their order.
 */
export interface MetricColumns {
  metric: MetricIdentity;
  /** Per point: its attributes as canonical OTLP/JSON KeyValue list (the series' other half). */
  attributesJson: string[];
  points: NumberPointColumns | MetricPoint[];
}

/** Rows that share one resource and one instrumentation scope, as OTLP groups them. */
export interface ScopedRows<T> {
  resource: ResourceRow;
  scope: ScopeRow;
  rows: T[];
}

/** What one decoded OTLP request turns into, plus the items it had to reject. */
export interface DecodedExport<T> {
  groups: ScopedRows<T>[];
  /** Number of items (spans, log records, data points) rejected as invalid. */
  rejected: number;
  /** Human-readable reasons for the first few rejections, for partial_success.error_message. */
  rejectionReasons: string[];
}

/**
 * A scraped Prometheus series, stored with its final Prometheus identity as is (prom_name/prom_labels),
 * not through the OTel-to-Prometheus naming.
 */
export interface PromSeriesRow {
  /** The series' metric name (`__name__`), e.g. `http_request_duration_seconds_bucket`. */
  name: string;
  /** Final labels without `__name__`, `job` and `instance` included. */
  labels: Record<string, string>;
  /** Counters (and histogram/summary `_bucket`/`_count`) are cumulative monotonic sums, `_sum` a cumulative sum, the rest gauges. */
  kind: 'gauge' | 'sum';
  isMonotonic: boolean;
  /** Prometheus type of the metric family (counter, gauge, histogram, summary, unknown, info, stateset, gaugehistogram). */
  promType: string;
  /** `# HELP` text. */
  help: string;
  /** `# UNIT` (OpenMetrics), or "". */
  unit: string;
}

export interface PromSampleRow {
  series: PromSeriesRow;
  timeUnixNano: bigint;
  /** NaN is stored as NULL (as for OTLP points); ignored when `stale`. */
  value: number;
  /** Prometheus staleness marker: stored as a NULL value with flags = 1 (NO_RECORDED_VALUE). */
  stale: boolean;
  /** Stored in `exemplars` against this sample's series and time. */
  exemplar: ExemplarRow | null;
}

/** One scrape's samples of one target; the target is the resource (service.name = job, service.instance.id = instance). */
export interface PromScrapeRows {
  job: string;
  instance: string;
  samples: PromSampleRow[];
}

/** One unit of work for the writer: everything a single request (or scrape) delivered. */
export interface WriteBatch {
  spans?: ScopedRows<SpanRow>[];
  logs?: ScopedRows<LogRow>[];
  metrics?: ScopedRows<MetricRow>[];
  /** Metric points in column form (what OTLP requests decode to); stored like `metrics`. */
  metricColumns?: ScopedRows<MetricColumns>[];
  promSamples?: PromScrapeRows[];
}
