/**
 * Parse error construction. Syntax errors come from lezer error nodes, which carry no message,
 * so the wording is reconstructed from the text at the error position in the style of
 * Prometheus's yacc parser ("unexpected end of input", "unclosed left parenthesis", …).
 */
import { PromQLError } from '../types';

/** `parse error at char N: msg`, N being the 1-based character offset in the query. */
export function parseError(pos: number, msg: string): PromQLError {
  return new PromQLError('bad_data', `parse error at char ${pos + 1}: ${msg}`);
}

/** Brackets still open at the end of the query, ignoring strings and comments. */
function unclosedBracket(query: string): string | null {
  const stack: string[] = [];
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = c;
      for (i++; i < query.length && query[i] !== close; i++) if (query[i] === '\\' && close !== '`') i++;
    } else if (c === '#') {
      while (i < query.length && query[i] !== '\n') i++;
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push(c);
    } else if (c === ')' || c === ']' || c === '}') {
      stack.pop();
    }
  }
  return stack.length ? stack[stack.length - 1] : null;
}

/** Describes the token starting at `pos` the way Prometheus's item.desc() does. */
function describeToken(query: string, pos: number): string {
  const rest = query.slice(pos);
  let m: RegExpExecArray | null;
  if ((m = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(rest))) return `identifier ${JSON.stringify(m[0])}`;
  if ((m = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[a-z]*/.exec(rest))) return `number ${JSON.stringify(m[0])}`;
  if ((m = /^("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`[^`]*`?)/.exec(rest))) return `string ${JSON.stringify(m[0])}`;
  const names: Record<string, string> = {
    '(': "left parenthesis '('", ')': "right parenthesis ')'", '[': "left bracket '['", ']': "right bracket ']'",
    '{': "left brace '{'", '}': "right brace '}'", ',': '","', ':': '":"', '=': '"="', '@': '<@>',
  };
  return names[rest[0]] ?? `character ${JSON.stringify(rest[0])}`;
}

/** Builds the error for a lezer error node starting at `from`. */
export function syntaxError(query: string, from: number): PromQLError {
  let pos = from;
  while (pos < query.length && /\s/.test(query[pos])) pos++;
  if (query.slice(pos).startsWith('#')) pos = query.length; // only a comment follows
  if (pos >= query.length) {
    if (query.replace(/#[^\n]*/g, '').trim() === '') return new PromQLError('bad_data', 'parse error: no expression found in input');
    switch (unclosedBracket(query)) {
      case '(': return parseError(query.length, 'unclosed left parenthesis');
      case '[': return parseError(query.length, 'unclosed left bracket');
      case '{': return parseError(query.length, 'unexpected end of input inside braces');
      default: return parseError(query.length, 'unexpected end of input');
    }
  }
  return parseError(pos, `unexpected ${describeToken(query, pos)}`);
}
