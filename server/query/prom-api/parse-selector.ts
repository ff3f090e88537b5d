import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode, Tree } from '@lezer/common';
import type { LabelMatcher, MatchType } from '@/server/query/promql/types';
import { compileAnchoredRegex } from '@/lib/prom-regex';
import { PromApiError } from './errors';

/**
 * Series selectors (`match[]` of /api/v1/series, /labels, /label/…/values) and the selectors inside
 * a whole query (/api/v1/query_exemplars), parsed with Prometheus's own Lezer grammar. Validation
 * follows Prometheus's parser: the metric name at most once, at least one matcher that does not match
 * the empty string, regexes that compile. Errors are `bad_data`.
 */

const MATCH_OPS: Record<string, MatchType> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

/** A `match[]` value: exactly one vector selector, e.g. `up`, `{job="api"}`, `http_requests_total{code=~"5.."}`. */
export function parseSeriesSelector(text: string): LabelMatcher[] {
  const tree = parseTree(text);
  const expr = tree.topNode.firstChild;
  if (!expr || expr.name !== 'VectorSelector' || expr.nextSibling) {
    throw new PromApiError('bad_data', `1:1: parse error: expected a series selector, got ${JSON.stringify(text)}`);
  }
  return vectorSelectorMatchers(expr, text);
}

/** Every vector selector inside a PromQL expression (as Prometheus's parser.ExtractSelectors). */
export function extractSelectors(query: string): LabelMatcher[][] {
  const tree = parseTree(query);
  const out: LabelMatcher[][] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name !== 'VectorSelector') return;
      out.push(vectorSelectorMatchers(node.node, query));
      return false;
    },
  });
  return out;
}

/** Parses the repeated `match[]` parameter; each must have a matcher that does not match "". */
export function parseMatchParams(values: string[]): LabelMatcher[][] {
  const sets = values.map(parseSeriesSelector);
  for (const set of sets) {
    if (!set.some((m) => !matchesEmpty(m))) throw new PromApiError('bad_data', 'match[] must contain at least one non-empty matcher');
  }
  return sets;
}

function parseTree(text: string): Tree {
  if (text.trim() === '') throw new PromApiError('bad_data', '1:1: parse error: no expression found in input');
  const tree = parser.parse(text);
  let error: number | null = null;
  tree.iterate({
    enter: (node) => {
      if (error !== null) return false;
      if (node.type.isError) error = node.from;
      return undefined;
    },
  });
  if (error !== null) {
    const { line, col } = position(text, error);
    const near = text.slice(error, error + 10);
    throw new PromApiError('bad_data', `${line}:${col}: parse error: unexpected ${near === '' ? 'end of input' : JSON.stringify(near)}`);
  }
  return tree;
}

function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

function vectorSelectorMatchers(node: SyntaxNode, text: string): LabelMatcher[] {
  const slice = (n: SyntaxNode) => text.slice(n.from, n.to);
  const matchers: LabelMatcher[] = [];
  let name: string | null = null;
  const ident = node.getChild('Identifier');
  if (ident) name = slice(ident);
  const list = node.getChild('LabelMatchers');
  for (let child = list?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.name === 'QuotedLabelName') {
      // `{"metric.name", …}`: the metric name in quotes.
      const quoted = unquote(slice(child.getChild('StringLiteral')!));
      if (name !== null) throw new PromApiError('bad_data', `metric name must not be set twice: ${JSON.stringify(name)} or ${JSON.stringify(quoted)}`);
      name = quoted;
    } else if (child.name === 'UnquotedLabelMatcher' || child.name === 'QuotedLabelMatcher') {
      const labelNode = child.name === 'UnquotedLabelMatcher' ? child.getChild('LabelName') : child.getChild('QuotedLabelName')?.getChild('StringLiteral');
      const opNode = child.getChild('MatchOp')?.firstChild;
      const valueNode = child.getChild('StringLiteral');
      if (!labelNode || !opNode || !valueNode) throw new PromApiError('bad_data', `parse error: invalid label matcher ${JSON.stringify(slice(child))}`);
      const label = child.name === 'UnquotedLabelMatcher' ? slice(labelNode) : unquote(slice(labelNode));
      const matcher: LabelMatcher = { name: label, type: MATCH_OPS[opNode.name], value: unquote(slice(valueNode)) };
      if (matcher.type === '=~' || matcher.type === '!~') {
        try {
          compileAnchoredRegex(matcher.value);
        } catch (err) {
          throw new PromApiError('bad_data', `parse error: ${(err as Error).message}`);
        }
      }
      matchers.push(matcher);
    }
  }
  if (name !== null) {
    if (matchers.some((m) => m.name === '__name__')) {
      throw new PromApiError('bad_data', `metric name must not be set twice: ${JSON.stringify(name)} or ${JSON.stringify(matchers.find((m) => m.name === '__name__')!.value)}`);
    }
    matchers.unshift({ name: '__name__', type: '=', value: name });
  }
  if (!matchers.some((m) => !matchesEmpty(m))) {
    throw new PromApiError('bad_data', 'vector selector must contain at least one non-empty matcher');
  }
  return matchers;
}

function matchesEmpty(m: LabelMatcher): boolean {
  switch (m.type) {
    case '=': return m.value === '';
    case '!=': return m.value !== '';
    case '=~': return compileAnchoredRegex(m.value).test('');
    case '!~': return !compileAnchoredRegex(m.value).test('');
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** A PromQL string literal's value: "…" and '…' with Go escapes, `…` raw. */
export function unquote(literal: string): string {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new PromApiError('bad_data', `parse error: invalid escape in ${literal}`);
      const code = Number.parseInt(hex, 16);
      // \x is a byte in Go; bytes ≥ 0x80 alone are not valid UTF-8, kept as the code point here.
      if (code > 0x10ffff) throw new PromApiError('bad_data', `parse error: invalid escape in ${literal}`);
      out += String.fromCodePoint(code);
      i += len;
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new PromApiError('bad_data', `parse error: invalid escape in ${literal}`);
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else {
      throw new PromApiError('bad_data', `parse error: unknown escape sequence in ${literal}`);
    }
  }
  return out;
}
