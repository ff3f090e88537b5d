/**
 * Type checking, a port of Prometheus's parser.checkAST: the same rules, the same order (children
 * before parents, so the first error reported is the one Prometheus reports) and the same
 * messages. Also normalises set operators to many-to-many matching and drops vector matching
 * when a side is a scalar, as checkAST does.
 */
import { COMPARISON_OPS, SET_OPS, type Expr, type ValueType } from '../ast';
import { compileMatcher } from '../matchers';
import { documentedType, FUNCTIONS } from './functions';
import { parseError } from './errors';

/** The value type an expression evaluates to. */
export function exprType(e: Expr): ValueType {
  switch (e.type) {
    case 'NumberLiteral': return 'scalar';
    case 'StringLiteral': return 'string';
    case 'VectorSelector': return 'vector';
    case 'MatrixSelector':
    case 'SubqueryExpr': return 'matrix';
    case 'ParenExpr':
    case 'UnaryExpr': return exprType(e.expr);
    case 'BinaryExpr': return exprType(e.lhs) === 'scalar' && exprType(e.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'AggregateExpr': return 'vector';
    case 'FunctionCall': return FUNCTIONS[e.func]?.returnType ?? 'none';
  }
}

export function validate(root: Expr, query: string): void {
  const fail = (pos: number, msg: string): never => { throw parseError(pos, msg); };

  const expectType = (e: Expr, want: ValueType, context: string) => {
    const t = check(e);
    if (t !== want) fail(e.pos.start, `expected type ${documentedType(want)} in ${context}, got ${documentedType(t)}`);
  };

  const opPos = (lhsEnd: number) => {
    let p = lhsEnd;
    while (p < query.length && /\s|\)/.test(query[p])) p++;
    return p;
  };

  function check(e: Expr): ValueType {
    const typ = exprType(e);
    switch (e.type) {
      case 'AggregateExpr':
        expectType(e.expr, 'vector', 'aggregation expression');
        if (e.op === 'topk' || e.op === 'bottomk' || e.op === 'quantile') expectType(e.param!, 'scalar', 'aggregation parameter');
        if (e.op === 'count_values') expectType(e.param!, 'string', 'aggregation parameter');
        break;
      case 'BinaryExpr': {
        const lt = check(e.lhs);
        const rt = check(e.rhs);
        const isComparison = COMPARISON_OPS.has(e.op);
        const isSet = SET_OPS.has(e.op);
        if (e.returnBool && !isComparison) fail(opPos(e.lhs.pos.end), 'bool modifier can only be used on comparison operators');
        if (isComparison && !e.returnBool && lt === 'scalar' && rt === 'scalar') {
          fail(opPos(e.lhs.pos.end), 'comparisons between scalars must use BOOL modifier');
        }
        const m = e.matching;
        if (m && isSet && m.card === 'one-to-one') m.card = 'many-to-many';
        if (m?.on) {
          for (const l of m.matchingLabels) {
            if (m.include.includes(l)) fail(opPos(e.lhs.pos.end), `label ${JSON.stringify(l)} must not occur in ON and GROUP clause at once`);
          }
        }
        if (lt !== 'scalar' && lt !== 'vector') fail(e.lhs.pos.start, 'binary expression must contain only scalar and instant vector types');
        if (rt !== 'scalar' && rt !== 'vector') fail(e.rhs.pos.start, 'binary expression must contain only scalar and instant vector types');
        if ((lt !== 'vector' || rt !== 'vector') && m) {
          if (m.matchingLabels.length > 0) fail(e.pos.start, 'vector matching only allowed between instant vectors');
          e.matching = null;
        } else if (isSet && m) {
          if (m.card === 'one-to-many' || m.card === 'many-to-one') fail(e.pos.start, `no grouping allowed for ${JSON.stringify(e.op)} operation`);
          if (m.card !== 'many-to-many') fail(e.pos.start, 'set operations must always be many-to-many');
        }
        if ((lt === 'scalar' || rt === 'scalar') && isSet) fail(e.pos.start, `set operator ${JSON.stringify(e.op)} not allowed in binary scalar expression`);
        break;
      }
      case 'FunctionCall': {
        const sig = FUNCTIONS[e.func];
        const nargs = sig.argTypes.length;
        if (sig.variadic === 0) {
          if (nargs !== e.args.length) fail(e.pos.start, `expected ${nargs} argument(s) in call to ${JSON.stringify(e.func)}, got ${e.args.length}`);
        } else {
          const na = nargs - 1;
          if (na > e.args.length) {
            fail(e.pos.start, `expected at least ${na} argument(s) in call to ${JSON.stringify(e.func)}, got ${e.args.length}`);
          } else if (sig.variadic > 0 && na + sig.variadic < e.args.length) {
            fail(e.pos.start, `expected at most ${na + sig.variadic} argument(s) in call to ${JSON.stringify(e.func)}, got ${e.args.length}`);
          }
        }
        e.args.forEach((arg, i) => {
          if (i >= nargs && sig.variadic === 0) return;
          const want = sig.argTypes[Math.min(i, nargs - 1)];
          const t = check(arg);
          if (t !== want) {
            fail(arg.pos.start, `expected type ${documentedType(want)} in call to function ${JSON.stringify(e.func)}, got ${documentedType(t)}`);
          }
        });
        break;
      }
      case 'ParenExpr':
        check(e.expr);
        break;
      case 'UnaryExpr': {
        const t = check(e.expr);
        if (t !== 'scalar' && t !== 'vector') {
          fail(e.pos.start, `unary expression only allowed on expressions of type scalar or instant vector, got ${JSON.stringify(documentedType(t))}`);
        }
        break;
      }
      case 'SubqueryExpr': {
        const t = check(e.expr);
        if (t !== 'vector') fail(e.pos.start, `subquery is only allowed on instant vector, got ${t} instead`);
        break;
      }
      case 'MatrixSelector':
        check(e.vectorSelector);
        break;
      case 'VectorSelector':
        if (e.name) {
          for (const m of e.matchers.slice(0, -1)) {
            if (m.name === '__name__') fail(e.pos.start, `metric name must not be set twice: ${JSON.stringify(e.name)} or ${JSON.stringify(m.value)}`);
          }
        } else if (!e.matchers.some((m) => !compileMatcher(m)(''))) {
          fail(e.pos.start, 'vector selector must contain at least one non-empty matcher');
        }
        break;
      case 'NumberLiteral':
      case 'StringLiteral':
        break;
    }
    return typ;
  }

  check(root);
}
