/**
 * Shapes of the trace model behind the waterfall. All times are integer nanoseconds measured from the
 * trace's earliest span start (so every value is >= 0 and exact: below 2^53).
 */

/** One span as the waterfall receives it (already decoded; no attributes beyond what is listed). */
export interface TraceSpanInput {
  /** 16 lowercase hex digits. */
  spanId: string;
  /** Null (or the empty string) for a root. */
  parentSpanId: string | null;
  name: string;
  serviceName: string;
  /** OTLP SpanKind 0..5 (0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer). */
  kind: number;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  /** ns from the trace's earliest span start; >= 0. */
  startNs: number;
  /** ns; >= 0 (a negative value is read as 0). */
  durationNs: number;
  /** offsetNs is measured from THIS span's start, in ns. */
  events: { name: string; offsetNs: number }[];
}

/** A real span in the tree. */
export interface SpanNode {
  kind: 'span';
  /** Unique among the tree's nodes: the span id itself. Used for collapse state and React keys. */
  key: string;
  span: TraceSpanInput;
  /** Null for a root; a MissingParentNode for an orphan. */
  parent: TraceNode | null;
  /** Sorted by startNs, then spanId. */
  children: SpanNode[];
  /** 0 for a root; parent depth + 1 otherwise. */
  depth: number;
  /** Copies of span.startNs and span.startNs + max(0, span.durationNs), ns. */
  startNs: number;
  endNs: number;
  /** Starts before its parent's start or ends after its parent's end. Times are never adjusted. */
  skewed: boolean;
  /** Its parent link was cut to break a parent cycle: it is drawn as a root although parentSpanId is set. */
  cycleBroken: boolean;
}

/**
 * Synthetic root standing in for a parent span id that orphans reference but the trace lacks.
 * Always a root (depth 0); its children are the orphans.
 */
export interface MissingParentNode {
  kind: 'missing-parent';
  /** `missing-parent:<spanId>`: cannot collide with a span id (those are hex only). */
  key: string;
  /** The parent span id the orphans point at. */
  missingSpanId: string;
  parent: null;
  children: SpanNode[];
  depth: 0;
  /** Earliest child start and latest child end, ns: the extent to draw a faint bar with. */
  startNs: number;
  endNs: number;
}

export type TraceNode = SpanNode | MissingParentNode;

export interface TraceTree {
  /** Real roots, cycle-broken spans and missing-parent placeholders, sorted by startNs, then key. */
  roots: TraceNode[];
  /** Every kept span by id (duplicates dropped). */
  byId: ReadonlyMap<string, SpanNode>;
  /** Kept spans (= byId.size); placeholders are not counted. */
  spanCount: number;
  /** Spans dropped because an earlier span in the input had the same spanId. */
  duplicateCount: number;
  /** Distinct ids that occurred more than once, in input order. */
  duplicateSpanIds: string[];
  /** Parent ids referenced but absent, sorted like their placeholders in `roots`. */
  missingParentIds: string[];
  /** Spans whose parent link was cut to break a cycle, one per cycle, in input order. */
  cycleBrokenSpanIds: string[];
  /** Number of span nodes with `skewed: true`. */
  skewedCount: number;
  /** Deepest node depth (roots are 0; 0 for an empty trace). */
  maxDepth: number;
}

/** A visible time range of the waterfall, ns from the trace start; endNs > startNs for a usable window. */
export interface ViewWindow {
  startNs: number;
  endNs: number;
}
