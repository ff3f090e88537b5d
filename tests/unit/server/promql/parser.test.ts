/**
 * The parser bridge: lezer tree → typed AST, Prometheus's literal rules, modifier placement,
 * precedence, and validation errors (Prometheus's messages, with positions).
 */
import { describe, expect, it } from 'vitest';
import { parsePromQL } from '@/server/query/promql/engine';
import type { Expr } from '@/server/query/promql/ast';
import { PromQLError } from '@/server/query/promql/types';
import { parseDuration, parseNumber, unquoteString } from '@/server/query/promql/parser/literals';

/** The AST without positions, for compact comparisons. */
const shape = (q: string) => JSON.parse(JSON.stringify(parsePromQL(q), (k, v) => (k === 'pos' ? undefined : v)));

function parseErr(q: string): PromQLError {
  try {
    parsePromQL(q);
  } catch (e) {
    expect(e).toBeInstanceOf(PromQLError);
    expect((e as PromQLError).errorType).toBe('bad_data');
    return e as PromQLError;
  }
  throw new Error(`expected ${q} to fail`);
}

const num = (q: string) => {
  const e = parsePromQL(q) as Expr;
  if (e.type !== 'NumberLiteral') throw new Error(`not a number: ${e.type}`);
  return e.val;
};

/** Renders an AST with explicit parentheses to check precedence and associativity. */
function render(e: Expr): string {
  switch (e.type) {
    case 'NumberLiteral': return String(e.val);
    case 'VectorSelector': return e.name;
    case 'ParenExpr': return render(e.expr);
    case 'UnaryExpr': return `(${e.op}${render(e.expr)})`;
    case 'BinaryExpr': return `(${render(e.lhs)} ${e.op} ${render(e.rhs)})`;
    default: return e.type;
  }
}

describe('number literals', () => {
  it('parses decimal, exponent, hex, octal, underscores, Inf and NaN with signs', () => {
    expect(num('1e3')).toBe(1000);
    expect(num('1E-3')).toBe(0.001);
    expect(num('.5')).toBe(0.5);
    expect(num('1.')).toBe(1);
    expect(num('0x3d')).toBe(61);
    expect(num('0X1F')).toBe(31);
    expect(num('010')).toBe(8); // Go's ParseInt(s, 0, 64): a leading 0 is octal
    expect(num('09')).toBe(9); // not octal: ParseFloat takes over
    expect(num('1_000')).toBe(1000);
    expect(num('Inf')).toBe(Infinity);
    expect(num('-inf')).toBe(-Infinity);
    expect(num('+Inf')).toBe(Infinity);
    expect(num('NaN')).toBeNaN();
    expect(num('-5')).toBe(-5);
    expect(num('- - 1')).toBe(1);
    expect(num('99999999999999999999')).toBe(1e20);
  });

  it('treats durations as seconds (Prometheus 3)', () => {
    expect(num('1h30m')).toBe(5400);
    expect(num('500ms')).toBe(0.5);
    expect(num('-5m')).toBe(-300);
  });

  it('parseNumber/parseDuration follow Go', () => {
    expect(parseNumber('0x10')).toBe(16);
    expect(() => parseNumber('1x')).toThrow();
    expect(parseDuration('1y')).toBe(365 * 86400_000);
    expect(parseDuration('1w')).toBe(7 * 86400_000);
    expect(parseDuration('1d2h3m4s5ms')).toBe(86400_000 + 2 * 3600_000 + 3 * 60_000 + 4000 + 5);
    expect(parseDuration('0')).toBe(0);
    expect(() => parseDuration('1m1h')).toThrow(/not a valid duration/);
    expect(() => parseDuration('5x')).toThrow(/unknown unit "x"/);
  });
});

describe('string literals', () => {
  it('unquotes with Go escapes; backticks are raw', () => {
    expect(shape('"a\\tb\\"c"')).toMatchObject({ type: 'StringLiteral', val: 'a\tb"c' });
    expect(shape("'it\\'s'")).toMatchObject({ val: "it's" });
    expect(shape('`raw\\n`')).toMatchObject({ val: 'raw\\n' });
    expect(shape('"\\u00e9\\x41\\101"')).toMatchObject({ val: 'éAA' });
    expect(unquoteString('"\\xff"').invalidUtf8).toBe(true);
    expect(parseErr('"\\q"').message).toMatch(/error unquoting string/);
  });
});

describe('selectors and modifiers', () => {
  it('builds matchers, with the outside name last', () => {
    expect(shape('foo{a="1", b!="2", c=~"x.*", d!~"y",}')).toMatchObject({
      type: 'VectorSelector', name: 'foo',
      matchers: [
        { name: 'a', type: '=', value: '1' }, { name: 'b', type: '!=', value: '2' },
        { name: 'c', type: '=~', value: 'x.*' }, { name: 'd', type: '!~', value: 'y' },
        { name: '__name__', type: '=', value: 'foo' },
      ],
    });
    expect(shape('{"some.metric", "a.b"="c"}')).toMatchObject({
      name: '', matchers: [{ name: '__name__', value: 'some.metric' }, { name: 'a.b', value: 'c' }],
    });
  });

  it('range selectors, offset (also negative, numbers as seconds) and @ with start()/end()', () => {
    expect(shape('foo[5m] offset 1h')).toMatchObject({
      type: 'MatrixSelector', rangeMs: 300_000, vectorSelector: { offsetMs: 3_600_000, at: null },
    });
    expect(shape('foo offset -90s')).toMatchObject({ offsetMs: -90_000 });
    expect(shape('foo[300]')).toMatchObject({ rangeMs: 300_000 });
    expect(shape('foo @ 1609746000')).toMatchObject({ at: { kind: 'time', ms: 1_609_746_000_000 } });
    expect(shape('foo @ 1.5')).toMatchObject({ at: { kind: 'time', ms: 1500 } });
    expect(shape('foo[1m] @ end()')).toMatchObject({ vectorSelector: { at: { kind: 'end' } } });
    expect(shape('foo @ start() offset 5m')).toMatchObject({ at: { kind: 'start' }, offsetMs: 300_000 });
  });

  it('subqueries with and without step, with offset and @', () => {
    expect(shape('rate(x[1m])[30m:1m]')).toMatchObject({ type: 'SubqueryExpr', rangeMs: 1_800_000, stepMs: 60_000 });
    expect(shape('x[1h:]')).toMatchObject({ type: 'SubqueryExpr', rangeMs: 3_600_000, stepMs: 0 });
    expect(shape('x[1h:5m] offset 1d @ 100')).toMatchObject({ offsetMs: 86_400_000, at: { kind: 'time', ms: 100_000 } });
  });

  it('binds offset, @ and ranges tighter than operators', () => {
    expect(shape('a + b offset 5m')).toMatchObject({ lhs: { offsetMs: 0 }, rhs: { offsetMs: 300_000 } });
    expect(shape('a @ 50 + b @ 100')).toMatchObject({ lhs: { at: { ms: 50_000 } }, rhs: { at: { ms: 100_000 } } });
    expect(shape('-foo @ 100')).toMatchObject({ type: 'UnaryExpr', expr: { at: { ms: 100_000 } } });
    // b[5m] binds first, so the error is about the right operand (Prometheus: 1:5).
    expect(parseErr('a * b[5m]').message).toBe('parse error at char 5: binary expression must contain only scalar and instant vector types');
  });
});

describe('operators', () => {
  it('has Prometheus precedence, with ^ right-associative and unary minus below ^', () => {
    expect(render(parsePromQL('1 + 2 * 3 ^ 2 ^ 1'))).toBe('(1 + (2 * (3 ^ (2 ^ 1))))');
    expect(render(parsePromQL('a - b - c'))).toBe('((a - b) - c)');
    expect(render(parsePromQL('-2 ^ 2'))).toBe('(-(2 ^ 2))');
    expect(render(parsePromQL('-a ^ 2'))).toBe('(-(a ^ 2))');
    expect(render(parsePromQL('a or b and c unless d'))).toBe('(a or ((b and c) unless d))');
    expect(render(parsePromQL('a > b + c * d'))).toBe('(a > (b + (c * d)))');
    expect(render(parsePromQL('a == b != c'))).toBe('((a == b) != c)');
    expect(render(parsePromQL('2 atan2 a * 3'))).toBe('((2 atan2 a) * 3)');
  });

  it('vector matching, bool, group_left/group_right with labels', () => {
    expect(shape('a / on(x, y) group_left(z) b')).toMatchObject({
      op: '/', matching: { card: 'many-to-one', on: true, matchingLabels: ['x', 'y'], include: ['z'] },
    });
    expect(shape('a - ignoring(x) group_right b')).toMatchObject({ matching: { card: 'one-to-many', on: false, matchingLabels: ['x'], include: [] } });
    expect(shape('a > bool b')).toMatchObject({ returnBool: true, matching: { card: 'one-to-one' } });
    expect(shape('a and b')).toMatchObject({ matching: { card: 'many-to-many' } });
    expect(shape('a + 1')).toMatchObject({ matching: null });
    expect(shape('SUM(x) BY (a) > bool ON() 1')).toMatchObject({ returnBool: true, matching: null });
  });

  it('aggregations with by/without in either position and parameters', () => {
    expect(shape('sum without (a, b) (x)')).toMatchObject({ type: 'AggregateExpr', op: 'sum', without: true, grouping: ['a', 'b'] });
    expect(shape('topk(3, x) by (job)')).toMatchObject({ op: 'topk', param: { val: 3 }, grouping: ['job'] });
    expect(shape('count_values("v", x)')).toMatchObject({ op: 'count_values', param: { val: 'v' } });
    expect(shape('quantile(0.9, x)')).toMatchObject({ op: 'quantile', param: { val: 0.9 } });
  });
});

describe('errors', () => {
  const cases: [string, string][] = [
    ['rate(foo)', 'parse error at char 6: expected type range vector in call to function "rate", got instant vector'],
    ['foo{', 'parse error at char 5: unexpected end of input inside braces'],
    ['sum(x', 'parse error at char 6: unclosed left parenthesis'],
    ['x[5m', 'parse error at char 5: unclosed left bracket'],
    ['1 +', 'parse error at char 4: unexpected end of input'],
    ['foo bar', 'parse error at char 5: unexpected identifier "bar"'],
    ['foo)', 'parse error at char 4: unexpected right parenthesis \')\''],
    ['', 'parse error: no expression found in input'],
    ['foo(x)', 'parse error at char 1: unknown function with name "foo"'],
    ['holt_winters(x[5m], 0.5, 0.5)', 'parse error at char 1: unknown function with name "holt_winters"'],
    ['mad_over_time(x[5m])', 'parse error at char 1: function "mad_over_time" is not enabled'],
    ['{}', 'parse error at char 1: vector selector must contain at least one non-empty matcher'],
    ['{job=~".*"}', 'parse error at char 1: vector selector must contain at least one non-empty matcher'],
    ['x{__name__="y"}', 'parse error at char 1: metric name must not be set twice: "x" or "y"'],
    ['foo[0s]', 'parse error at char 5: duration must be greater than 0'],
    ['foo[1.5h]', 'parse error at char 8: unexpected identifier "h"'],
    ['foo offset 1m [5m]', 'parse error at char 15: no offset modifiers allowed before range'],
    ['foo @ 1 [5m]', 'parse error at char 9: no @ modifiers allowed before range'],
    ['rate(x[5m])[5m]', 'parse error at char 12: ranges only allowed for vector selectors'],
    ['1 == 2', 'parse error at char 3: comparisons between scalars must use BOOL modifier'],
    ['a + bool b', 'parse error at char 3: bool modifier can only be used on comparison operators'],
    ['sum()', 'parse error at char 1: no arguments for aggregate expression provided'],
    ['sum(a, b)', 'parse error at char 1: wrong number of arguments for aggregate expression provided, expected 1, got 2'],
    ['round(x, 1, 2)', 'parse error at char 1: expected at most 2 argument(s) in call to "round", got 3'],
    ['time(x)', 'parse error at char 1: expected 0 argument(s) in call to "time", got 1'],
    ['label_join(x)', 'parse error at char 1: expected at least 3 argument(s) in call to "label_join", got 1'],
    ['scalar(1)', 'parse error at char 8: expected type instant vector in call to function "scalar", got scalar'],
    ['x[5m] + y', 'parse error at char 1: binary expression must contain only scalar and instant vector types'],
    ['x and 1', 'parse error at char 1: set operator "and" not allowed in binary scalar expression'],
    ['a and on(x) group_left b', 'parse error at char 1: no grouping allowed for "and" operation'],
    ['a + on(x) group_left(x) b', 'parse error at char 3: label "x" must not occur in ON and GROUP clause at once'],
    ['1 + on(x) a', 'parse error at char 1: vector matching only allowed between instant vectors'],
    ['foo[5m][1m:]', 'parse error at char 1: subquery is only allowed on instant vector, got matrix instead'],
    ['-foo[5m]', 'parse error at char 1: unary expression only allowed on expressions of type scalar or instant vector, got "range vector"'],
    ['(foo) offset 5m', 'parse error at char 1: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery'],
    ['foo offset 5m offset 1m', 'parse error at char 1: offset may not be set multiple times'],
    ['foo @ 10 @ 20', 'parse error at char 1: @ <timestamp> may not be set multiple times'],
    ['foo @ Inf', 'parse error at char 1: timestamp out of bounds for @ modifier: +Inf'],
    ['foo[1h - 1h]', 'parse error at char 5: experimental duration expression is not enabled'],
    ['topk(x, y)', 'parse error at char 6: expected type scalar in aggregation parameter, got instant vector'],
    ['sum(x[5m])', 'parse error at char 5: expected type instant vector in aggregation expression, got range vector'],
    ['limitk(1, x)', 'parse error at char 1: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions'],
    ['rate(x[5m],)', 'parse error at char 11: trailing commas not allowed in function call args'],
  ];
  it.each(cases)('%s', (q, msg) => {
    expect(parseErr(q).message).toBe(msg);
  });

  it('reports regex errors', () => {
    expect(parseErr('x{a=~"("}').message).toMatch(/^parse error at char 3: error parsing regexp: /);
  });

  it('keywords are case-insensitive, function names are not', () => {
    expect(shape('SUM BY (a) (x)')).toMatchObject({ op: 'sum', grouping: ['a'] });
    expect(parseErr('Rate(x[5m])').message).toBe('parse error at char 1: unknown function with name "Rate"');
  });
});
