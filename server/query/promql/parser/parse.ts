/**
 * The parser bridge: @prometheus-io/lezer-promql (the grammar Prometheus's own UI uses) parses,
 * and this module walks the lezer tree into the typed AST of ../ast.ts, applying the semantic
 * rules Prometheus's yacc actions apply while building its AST (offset/@ placement, number
 * folding, duration literals). Type checking happens afterwards in validate.ts.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import type { AggregateOp, AtModifier, BinaryOp, Expr, MatrixSelector, PosRange, SubqueryExpr, VectorMatching, VectorSelector } from '../ast';
import type { LabelMatcher, MatchType } from '../types';
import { compileAnchoredRegex } from '../matchers';
import { FUNCTIONS } from './functions';
import { isDurationText, LiteralError, parseDuration, parseNumber, unquoteString } from './literals';
import { parseError, syntaxError } from './errors';
import { PromQLError } from '../types';
import { validate } from './validate';
import { completeTrailingDots } from './normalize';

const BINARY_OPS: Record<string, BinaryOp> = {
  Add: '+', Sub: '-', Mul: '*', Div: '/', Mod: '%', Pow: '^', Atan2: 'atan2',
  Eql: '==', Neq: '!=', Gtr: '>', Lss: '<', Gte: '>=', Lte: '<=', And: 'and', Or: 'or', Unless: 'unless',
};
const MATCH_OPS: Record<string, MatchType> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

/** Parses and type-checks a PromQL expression. Throws PromQLError('bad_data') on any error. */
export function parsePromQL(original: string): Expr {
  const { text: query, insertedAt } = completeTrailingDots(original);
  try {
    return parseNormalized(query);
  } catch (err) {
    // Report positions in the caller's text, not the normalised one.
    if (err instanceof PromQLError && insertedAt.length) {
      err.message = err.message.replace(/at char (\d+)/, (_m, n: string) => `at char ${Number(n) - insertedAt.filter((p) => p < Number(n) - 1).length}`);
    }
    throw err;
  }
}

function parseNormalized(query: string): Expr {
  const tree = parser.parse(query);
  let firstError: SyntaxNode | null = null;
  tree.iterate({
    enter(ref) {
      if (ref.type.isError && (!firstError || ref.from < firstError.from)) firstError = ref.node;
    },
  });
  if (firstError) throw errorFor(query, firstError);
  const top = children(tree.topNode);
  if (top.length === 0) throw syntaxError(query, query.length);
  const expr = new Builder(query).expr(top[0]);
  validate(expr, query);
  return expr;
}

function errorFor(query: string, err: SyntaxNode) {
  // Lezer only knows function names from its grammar, so `foo(x)` surfaces as a selector
  // followed by junk; Prometheus reports it as an unknown function.
  const prev = err.prevSibling;
  if (prev?.name === 'Identifier' && query.slice(prev.to).trimStart().startsWith('(')) {
    return parseError(prev.from, `unknown function with name ${JSON.stringify(query.slice(prev.from, prev.to))}`);
  }
  const before = query.slice(0, err.from).trimEnd();
  if (before.endsWith(',') && query.slice(err.from).trimStart().startsWith(')') && err.parent?.name === 'FunctionCallBody') {
    return parseError(before.length - 1, 'trailing commas not allowed in function call args');
  }
  return syntaxError(query, err.from);
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'LineComment') out.push(c);
  return out;
}

type Postfix = (target: Expr) => Expr;

const EXPR_NODES = new Set(['AggregateExpr', 'BinaryExpr', 'FunctionCall', 'MatrixSelector', 'NumberDurationLiteral',
  'OffsetExpr', 'AnchoredExpr', 'SmoothedExpr', 'ParenExpr', 'StringLiteral', 'SubqueryExpr', 'UnaryExpr',
  'VectorSelector', 'StepInvariantExpr']);

class Builder {
  constructor(private readonly q: string) {}

  private text(n: SyntaxNode): string {
    return this.q.slice(n.from, n.to);
  }

  private pos(n: SyntaxNode): PosRange {
    return { start: n.from, end: n.to };
  }

  private fail(at: number, msg: string): never {
    throw parseError(at, msg);
  }

  expr(n: SyntaxNode): Expr {
    switch (n.name) {
      case 'NumberDurationLiteral': return this.numberLiteral(n);
      case 'StringLiteral': {
        const s = this.string(n);
        return { type: 'StringLiteral', val: s.value, invalidUtf8: s.invalidUtf8 || undefined, pos: this.pos(n) };
      }
      case 'VectorSelector': return this.vectorSelector(n);
      case 'MatrixSelector':
      case 'SubqueryExpr':
      case 'OffsetExpr':
      case 'StepInvariantExpr':
        return this.postfixExpr(n, null);
      case 'ParenExpr': return { type: 'ParenExpr', expr: this.expr(this.exprChildren(n)[0]), pos: this.pos(n) };
      case 'UnaryExpr': return this.unary(n);
      case 'BinaryExpr': return this.binary(n);
      case 'AggregateExpr': return this.aggregate(n);
      case 'FunctionCall': return this.call(n);
      case 'SmoothedExpr': return this.fail(n.from, 'smoothed modifier is experimental and not enabled');
      case 'AnchoredExpr': return this.fail(n.from, 'anchored modifier is experimental and not enabled');
      default: return this.fail(n.from, `unexpected ${n.name}`);
    }
  }

  private exprChildren(n: SyntaxNode): SyntaxNode[] {
    return children(n).filter((c) => EXPR_NODES.has(c.name));
  }

  private string(n: SyntaxNode): { value: string; invalidUtf8: boolean } {
    const raw = this.text(n);
    try {
      return unquoteString(raw);
    } catch (err) {
      return this.fail(n.from, `error unquoting string ${JSON.stringify(raw)}: ${(err as Error).message}`);
    }
  }

  /** A signed number or duration literal; durations are numbers of seconds (Prometheus 3). */
  private numberLiteral(n: SyntaxNode): Expr {
    const { sign, body } = splitSign(this.text(n));
    const val = this.unsignedNumber(body, n.from);
    return { type: 'NumberLiteral', val: sign === '-' ? -val : val, pos: this.pos(n) };
  }

  private unsignedNumber(body: string, at: number): number {
    try {
      return isDurationText(body) ? parseDuration(body) / 1000 : parseNumber(body);
    } catch (err) {
      if (err instanceof LiteralError) return this.fail(at, err.message);
      throw err;
    }
  }

  private vectorSelector(n: SyntaxNode): VectorSelector {
    let name = '';
    const matchers: LabelMatcher[] = [];
    for (const c of children(n)) {
      if (c.name === 'Identifier') name = this.text(c);
      else if (c.name === 'LabelMatchers') {
        for (const m of children(c)) matchers.push(this.labelMatcher(m));
      }
    }
    // Prometheus appends the matcher for an outside name after the braces' matchers.
    if (name) matchers.push({ name: '__name__', type: '=', value: name });
    return { type: 'VectorSelector', name, matchers, offsetMs: 0, at: null, pos: this.pos(n) };
  }

  private labelMatcher(m: SyntaxNode): LabelMatcher {
    const parts = children(m);
    if (m.name === 'QuotedLabelName') {
      // `{"metric.name"}`: a bare quoted name selects the metric name.
      return { name: '__name__', type: '=', value: this.string(parts[0]).value };
    }
    const nameNode = parts[0];
    const label = m.name === 'QuotedLabelMatcher' ? this.string(children(nameNode)[0]).value : this.text(nameNode);
    const opNode = children(parts[1])[0];
    const type = MATCH_OPS[opNode.name];
    const value = this.string(parts[2]).value;
    if (type === '=~' || type === '!~') {
      try {
        compileAnchoredRegex(value);
      } catch (err) {
        this.fail(m.from, (err as Error).message);
      }
    }
    return { name: label, type, value };
  }

  /**
   * Postfix operators ([range], [range:step], offset, @). Lezer gives them the lowest
   * precedence, so `a + b offset 5m` arrives as (a + b) offset 5m; in Prometheus they bind
   * tightest: a + (b offset 5m). The postfix is therefore pushed down to the rightmost operand of
   * binary and unary expressions, composing with any postfix found on the way.
   */
  private postfixExpr(n: SyntaxNode, outer: Postfix | null): Expr {
    const inner = children(n)[0];
    const own: Postfix = (e) => this.applyPostfix(n, e);
    return this.build(inner, outer ? (e) => outer(own(e)) : own);
  }

  /** Builds `n`, applying `post` to its rightmost operand (see postfixExpr). */
  private build(n: SyntaxNode, post: Postfix | null): Expr {
    switch (n.name) {
      case 'BinaryExpr': return this.binary(n, post);
      case 'UnaryExpr': return this.unary(n, post);
      case 'MatrixSelector':
      case 'SubqueryExpr':
      case 'OffsetExpr':
      case 'StepInvariantExpr':
        return this.postfixExpr(n, post);
      default: {
        const e = this.expr(n);
        return post ? post(e) : e;
      }
    }
  }

  private applyPostfix(n: SyntaxNode, target: Expr): Expr {
    switch (n.name) {
      case 'MatrixSelector': return this.matrixSelector(n, target);
      case 'SubqueryExpr': return this.subquery(n, target);
      case 'OffsetExpr': return this.offsetExpr(n, target);
      default: return this.atExpr(n, target);
    }
  }

  private matrixSelector(n: SyntaxNode, target: Expr): MatrixSelector {
    const durNode = children(n).find((c) => c.name === 'DurationExpr')!;
    const bracket = this.q.lastIndexOf('[', durNode.from);
    if (target.type !== 'VectorSelector') this.fail(bracket, 'ranges only allowed for vector selectors');
    if (target.offsetMs !== 0) this.fail(bracket, 'no offset modifiers allowed before range');
    if (target.at) this.fail(bracket, 'no @ modifiers allowed before range');
    const rangeMs = this.positiveDuration(durNode);
    return { type: 'MatrixSelector', vectorSelector: target, rangeMs, pos: { start: target.pos.start, end: n.to } };
  }

  private subquery(n: SyntaxNode, expr: Expr): SubqueryExpr {
    const durations = children(n).filter((c) => c.name === 'DurationExpr');
    const rangeMs = this.positiveDuration(durations[0]);
    const stepMs = durations[1] ? this.positiveDuration(durations[1]) : 0;
    return { type: 'SubqueryExpr', expr, rangeMs, stepMs, offsetMs: 0, at: null, pos: { start: expr.pos.start, end: n.to } };
  }

  /** Ranges and subquery steps must be > 0. */
  private positiveDuration(n: SyntaxNode): number {
    const ms = this.durationValue(n);
    if (ms <= 0) this.fail(n.from, 'duration must be greater than 0');
    return ms;
  }

  /**
   * The value of a DurationExpr / OffsetDurationExpr in ms. Only literals (optionally signed) are
   * accepted: duration arithmetic is an experimental Prometheus feature, off by default.
   */
  private durationValue(n: SyntaxNode): number {
    const parts = children(n);
    if (n.name === 'NumberDurationLiteralInDurationContext') {
      const body = this.text(n);
      if (isDurationText(body)) return this.unsignedNumber(body, n.from) * 1000;
      return Math.trunc(this.unsignedNumber(body, n.from) * 1000); // Go: time.Duration(val * 1000) * time.Millisecond
    }
    if (parts.length === 1 && (n.name === 'DurationExpr' || n.name === 'OffsetDurationExpr')) return this.durationValue(parts[0]);
    if (parts.length === 2 && parts[0].name === 'UnaryOp') {
      const v = this.durationValue(parts[1]);
      return this.text(parts[0]) === '-' ? -v : v;
    }
    return this.fail(n.from, 'experimental duration expression is not enabled');
  }

  private offsetExpr(n: SyntaxNode, target: Expr): Expr {
    const parts = children(n);
    const offsetMs = this.durationValue(parts.find((c) => c.name === 'OffsetDurationExpr')!);
    const holder = modifierHolder(target);
    if (!holder) this.fail(target.pos.start, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery');
    if (holder.offsetMs !== 0) this.fail(target.pos.start, 'offset may not be set multiple times');
    holder.offsetMs = offsetMs;
    target.pos = { start: target.pos.start, end: n.to };
    return target;
  }

  private atExpr(n: SyntaxNode, target: Expr): Expr {
    const parts = children(n);
    const arg = parts[parts.length - 1];
    let at: AtModifier;
    if (arg.name === 'AtModifierPreprocessors') {
      at = { kind: children(arg)[0].name === 'AtStart' ? 'start' : 'end' };
    } else {
      const { sign, body } = splitSign(this.text(arg));
      const seconds = (sign === '-' ? -1 : 1) * this.unsignedNumber(body, arg.from);
      if (!Number.isFinite(seconds) || Math.abs(seconds) >= 9.223372036854776e18) {
        this.fail(target.pos.start, `timestamp out of bounds for @ modifier: ${goFloatF(seconds)}`);
      }
      at = { kind: 'time', ms: Math.round(seconds * 1000) }; // timestamp.FromFloatSeconds
    }
    const holder = modifierHolder(target);
    if (!holder) this.fail(target.pos.start, '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery');
    if (holder.at) this.fail(target.pos.start, '@ <timestamp> may not be set multiple times');
    holder.at = at;
    target.pos = { start: target.pos.start, end: n.to };
    return target;
  }

  private unary(n: SyntaxNode, post: Postfix | null = null): Expr {
    const [opNode, inner] = children(n);
    const op = this.text(opNode) === '-' ? '-' : '+';
    const expr = this.build(inner, post);
    // Prometheus folds a sign into a number literal directly below it.
    if (expr.type === 'NumberLiteral') {
      return { ...expr, val: op === '-' ? -expr.val : expr.val, pos: this.pos(n) };
    }
    return { type: 'UnaryExpr', op, expr, pos: this.pos(n) };
  }

  private binary(n: SyntaxNode, post: Postfix | null = null): Expr {
    const parts = children(n);
    const [lhsNode, opNode] = parts;
    const rhsNode = parts[parts.length - 1];
    const op = BINARY_OPS[opNode.name];
    if (!op) this.fail(opNode.from, `operator ${JSON.stringify(this.text(opNode))} is not supported`);
    let returnBool = false;
    let matching: VectorMatching = { card: 'one-to-one', matchingLabels: [], on: false, include: [] };
    for (const p of parts.slice(2, -1)) {
      if (p.name === 'BoolModifier') returnBool = true;
      else if (p.name === 'MatchingModifierClause') matching = this.matchingClause(p);
      else if (p.name === 'FillModifier') this.fail(n.from, 'binop fill modifiers are experimental and not enabled');
    }
    const rhs = this.build(rhsNode, post);
    // Lezer lexes `-2` as one signed literal, so `-2 ^ 2` comes out as (-2)^2. In Prometheus the
    // sign is a unary operator binding looser than ^, giving -(2^2): rebuild that shape.
    if (op === '^' && lhsNode.name === 'NumberDurationLiteral') {
      const { sign, body } = splitSign(this.text(lhsNode));
      if (sign) {
        const base: Expr = { type: 'NumberLiteral', val: this.unsignedNumber(body, lhsNode.from), pos: this.pos(lhsNode) };
        const pow: Expr = { type: 'BinaryExpr', op, lhs: base, rhs, returnBool, matching, pos: this.pos(n) };
        return { type: 'UnaryExpr', op: sign, expr: pow, pos: this.pos(n) };
      }
    }
    const lhs = this.expr(lhsNode);
    return { type: 'BinaryExpr', op, lhs, rhs, returnBool, matching, pos: this.pos(n) };
  }

  private matchingClause(n: SyntaxNode): VectorMatching {
    const parts = children(n);
    const m: VectorMatching = { card: 'one-to-one', matchingLabels: [], on: parts[0].name === 'On', include: [] };
    m.matchingLabels = this.groupingLabels(parts[1]);
    const group = parts[2];
    if (group) {
      m.card = group.name === 'GroupLeft' ? 'many-to-one' : 'one-to-many';
      if (parts[3]) m.include = this.groupingLabels(parts[3]);
    }
    return m;
  }

  private groupingLabels(n: SyntaxNode): string[] {
    return children(n).map((c) => (c.name === 'QuotedLabelName' ? this.string(children(c)[0]).value : this.text(c)));
  }

  private aggregate(n: SyntaxNode): Expr {
    const parts = children(n);
    const op = this.text(parts[0]).toLowerCase() as AggregateOp;
    let grouping: string[] = [];
    let without = false;
    let body: SyntaxNode | undefined;
    for (const p of parts.slice(1)) {
      if (p.name === 'AggregateModifier') {
        const [kw, labels] = children(p);
        without = kw.name === 'Without';
        grouping = this.groupingLabels(labels);
      } else if (p.name === 'FunctionCallBody') body = p;
    }
    const args = body ? this.exprChildren(body).map((a) => this.expr(a)) : [];
    if (op === 'limitk' || op === 'limit_ratio') {
      this.fail(n.from, `${op}() is experimental and must be enabled with --enable-feature=promql-experimental-functions`);
    }
    if (args.length === 0) this.fail(n.from, 'no arguments for aggregate expression provided');
    const withParam = op === 'topk' || op === 'bottomk' || op === 'quantile' || op === 'count_values';
    const desired = withParam ? 2 : 1;
    if (args.length !== desired) {
      this.fail(n.from, `wrong number of arguments for aggregate expression provided, expected ${desired}, got ${args.length}`);
    }
    return {
      type: 'AggregateExpr', op, expr: args[desired - 1], param: withParam ? args[0] : null, grouping, without, pos: this.pos(n),
    };
  }

  private call(n: SyntaxNode): Expr {
    const [idNode, body] = children(n);
    const func = this.text(idNode);
    const sig = FUNCTIONS[func];
    if (!sig) this.fail(n.from, `unknown function with name ${JSON.stringify(func)}`);
    if (sig.experimental) this.fail(n.from, `function ${JSON.stringify(func)} is not enabled`);
    const args = this.exprChildren(body).map((a) => this.expr(a));
    return { type: 'FunctionCall', func, args, pos: this.pos(n) };
  }
}

/** The node an offset or @ modifier attaches to, as Prometheus's addOffset/setTimestamp decide. */
function modifierHolder(e: Expr): VectorSelector | SubqueryExpr | null {
  if (e.type === 'VectorSelector' || e.type === 'SubqueryExpr') return e;
  if (e.type === 'MatrixSelector') return e.vectorSelector;
  return null;
}

function splitSign(text: string): { sign: '+' | '-' | null; body: string } {
  const m = /^([+-])\s*/.exec(text);
  if (!m) return { sign: null, body: text.trim() };
  return { sign: m[1] as '+' | '-', body: text.slice(m[0].length).trim() };
}

/** Go's %f for the bounds error message. */
function goFloatF(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return v.toFixed(6);
}
