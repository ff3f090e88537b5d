/**
 * The typed PromQL AST the evaluator walks. It mirrors Prometheus's promql/parser AST closely
 * (same node kinds, same fields) so engine.go's logic ports one-to-one; it is built from the
 * lezer tree by parser/parse.ts and checked by parser/validate.ts.
 *
 * Durations and timestamps are milliseconds. `pos` is the 0-based [start, end) offset in the
 * query text, kept so validation errors can point at the offending part.
 */
import type { LabelMatcher } from './types';

export interface PosRange {
  start: number;
  end: number;
}

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string' | 'none';

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '^' | 'atan2'
  | '==' | '!=' | '>' | '<' | '>=' | '<='
  | 'and' | 'or' | 'unless';

export type AggregateOp =
  | 'sum' | 'avg' | 'min' | 'max' | 'count' | 'group' | 'stddev' | 'stdvar'
  | 'topk' | 'bottomk' | 'quantile' | 'count_values' | 'limitk' | 'limit_ratio';

export interface NumberLiteral {
  type: 'NumberLiteral';
  val: number;
  pos: PosRange;
}

export interface StringLiteral {
  type: 'StringLiteral';
  val: string;
  /** The literal held bytes that are not valid UTF-8 (Go keeps them; JS strings cannot). */
  invalidUtf8?: boolean;
  pos: PosRange;
}

/** `@ start()` / `@ end()` are resolved against the query range at evaluation time. */
export type AtModifier = { kind: 'time'; ms: number } | { kind: 'start' } | { kind: 'end' };

export interface VectorSelector {
  type: 'VectorSelector';
  /** Metric name written outside the braces, if any (also present as a `__name__` matcher). */
  name: string;
  matchers: LabelMatcher[];
  offsetMs: number;
  at: AtModifier | null;
  pos: PosRange;
}

export interface MatrixSelector {
  type: 'MatrixSelector';
  vectorSelector: VectorSelector;
  rangeMs: number;
  pos: PosRange;
}

export interface SubqueryExpr {
  type: 'SubqueryExpr';
  expr: Expr;
  rangeMs: number;
  /** 0 = not given: the engine's default subquery step applies. */
  stepMs: number;
  offsetMs: number;
  at: AtModifier | null;
  pos: PosRange;
}

export interface ParenExpr {
  type: 'ParenExpr';
  expr: Expr;
  pos: PosRange;
}

export interface UnaryExpr {
  type: 'UnaryExpr';
  op: '+' | '-';
  expr: Expr;
  pos: PosRange;
}

export type MatchCard = 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';

export interface VectorMatching {
  card: MatchCard;
  /** Labels of on(...) / ignoring(...). */
  matchingLabels: string[];
  on: boolean;
  /** Extra labels of group_left(...) / group_right(...). */
  include: string[];
}

export interface BinaryExpr {
  type: 'BinaryExpr';
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  returnBool: boolean;
  /** null when at least one side is a scalar (as Prometheus does after type checking). */
  matching: VectorMatching | null;
  pos: PosRange;
}

export interface AggregateExpr {
  type: 'AggregateExpr';
  op: AggregateOp;
  expr: Expr;
  param: Expr | null;
  grouping: string[];
  without: boolean;
  pos: PosRange;
}

export interface FunctionCall {
  type: 'FunctionCall';
  func: string;
  args: Expr[];
  pos: PosRange;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelector
  | MatrixSelector
  | SubqueryExpr
  | ParenExpr
  | UnaryExpr
  | BinaryExpr
  | AggregateExpr
  | FunctionCall;

export const COMPARISON_OPS: ReadonlySet<BinaryOp> = new Set(['==', '!=', '>', '<', '>=', '<=']);
export const SET_OPS: ReadonlySet<BinaryOp> = new Set(['and', 'or', 'unless']);
/** Operators whose result no longer means the input metric: the metric name is dropped. */
export const SCHEMA_CHANGING_OPS: ReadonlySet<BinaryOp> = new Set(['+', '-', '*', '/', '%', '^', 'atan2']);

/** Strips any number of parentheses (Prometheus does this for function and aggregation arguments). */
export function unwrapParens(e: Expr): Expr {
  while (e.type === 'ParenExpr') e = e.expr;
  return e;
}
