/**
 * Literal decoding with Go's rules, because Prometheus parses number, duration and string
 * literals with strconv / model.ParseDuration / strutil.Unquote and their quirks are observable
 * (`010` is octal 8, `1_000` is 1000, `1y` is 365 days, `"\xff"` is a raw byte).
 */

/** Thrown for malformed literals; the bridge adds the position. */
export class LiteralError extends Error {}

const INT_RE = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
const DEC_FLOAT_RE = /^(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const HEX_FLOAT_RE = /^0[xX](?:_?[0-9a-fA-F])*(?:\.[0-9a-fA-F]*)?[pP][+-]?\d+$/;
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Go's `strconv.ParseInt(s, 0, 64)`, falling back to `strconv.ParseFloat(s, 64)`, as
 * Prometheus's parser.number does. `s` is unsigned (the sign is a separate token).
 */
export function parseNumber(s: string): number {
  if (INT_RE.test(s)) {
    const digits = s.replace(/_/g, '');
    let big: bigint;
    if (/^0[oO]/.test(digits)) big = BigInt('0o' + digits.slice(2));
    else if (/^0[0-7]+$/.test(digits)) big = BigInt('0o' + digits.slice(1)); // a leading 0 means octal in Go
    else big = BigInt(digits);
    if (big <= INT64_MAX) return Number(big);
    // Out of int64 range: ParseInt fails and ParseFloat takes over (decimal only).
  }
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  if (lower === 'nan') return NaN;
  if (DEC_FLOAT_RE.test(s)) return Number(s.replace(/_/g, ''));
  if (HEX_FLOAT_RE.test(s)) return parseHexFloat(s.replace(/_/g, ''));
  throw new LiteralError(`error parsing number: strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax`);
}

function parseHexFloat(s: string): number {
  const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (!m) throw new LiteralError(`error parsing number: invalid syntax`);
  const mantissa = parseInt((m[1] || '0') + (m[2] ?? ''), 16);
  return mantissa * 2 ** (Number(m[3]) - 4 * (m[2]?.length ?? 0));
}

const UNITS: Record<string, { ms: number; order: number }> = {
  y: { ms: 365 * 24 * 3600_000, order: 1 },
  w: { ms: 7 * 24 * 3600_000, order: 2 },
  d: { ms: 24 * 3600_000, order: 3 },
  h: { ms: 3600_000, order: 4 },
  m: { ms: 60_000, order: 5 },
  s: { ms: 1000, order: 6 },
  ms: { ms: 1, order: 7 },
};
// time.Duration is int64 nanoseconds: ~292 years.
const MAX_DURATION_MS = Number(INT64_MAX / 1_000_000n);

/** prometheus/common model.ParseDuration, returning milliseconds. */
export function parseDuration(s: string): number {
  if (s === '0') return 0;
  if (s === '') throw new LiteralError('empty duration string');
  let rest = s;
  let total = 0;
  let lastOrder = 0;
  while (rest !== '') {
    const num = /^\d+/.exec(rest);
    if (!num) throw new LiteralError(`not a valid duration string: ${JSON.stringify(s)}`);
    rest = rest.slice(num[0].length);
    const unitMatch = /^[^\d]+/.exec(rest);
    if (!unitMatch) throw new LiteralError(`not a valid duration string: ${JSON.stringify(s)}`);
    const unitName = unitMatch[0];
    rest = rest.slice(unitName.length);
    const unit = UNITS[unitName];
    if (!unit) throw new LiteralError(`unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(s)}`);
    if (unit.order <= lastOrder) throw new LiteralError(`not a valid duration string: ${JSON.stringify(s)}`);
    lastOrder = unit.order;
    total += Number(num[0]) * unit.ms;
    if (total > MAX_DURATION_MS) throw new LiteralError('duration out of range');
  }
  return total;
}

/** True when the text is a duration token (`5m`, `1h30m`) rather than a plain number. */
export function isDurationText(s: string): boolean {
  return /^(\d+(ms|[ywdhms]))+$/.test(s);
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/**
 * Prometheus's strutil.Unquote (Go's strconv.Unquote rules): "..." and '...' with Go escapes,
 * `...` raw. Works on bytes because \x and octal escapes produce raw bytes, then decodes UTF-8.
 */
export function unquoteString(lit: string): { value: string; invalidUtf8: boolean } {
  const quote = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== quote) throw new LiteralError('invalid syntax');
  const body = lit.slice(1, -1);
  if (quote === '`') {
    if (body.includes('`')) throw new LiteralError('invalid syntax');
    return { value: body, invalidUtf8: false };
  }
  if (quote !== '"' && quote !== "'") throw new LiteralError('invalid syntax');
  if (!body.includes('\\') && !body.includes(quote)) return { value: body, invalidUtf8: false };
  const bytes: number[] = [];
  const pushString = (str: string) => { for (const b of new TextEncoder().encode(str)) bytes.push(b); };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new LiteralError('invalid syntax');
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      pushString(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new LiteralError('invalid syntax');
    if (e in SIMPLE_ESCAPES) { bytes.push(SIMPLE_ESCAPES[e]); continue; }
    if (e === quote) { bytes.push(e.charCodeAt(0)); continue; }
    if (e === 'x') {
      const h = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new LiteralError('invalid syntax');
      bytes.push(parseInt(h, 16));
      i += 2;
      continue;
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const h = body.slice(i + 1, i + 1 + n);
      if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) throw new LiteralError('invalid syntax');
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new LiteralError('invalid syntax');
      pushString(String.fromCodePoint(cp));
      i += n;
      continue;
    }
    if (e >= '0' && e <= '7') {
      const o = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new LiteralError('invalid syntax');
      bytes.push(parseInt(o, 8));
      i += 2;
      continue;
    }
    throw new LiteralError('invalid syntax');
  }
  const arr = Uint8Array.from(bytes);
  try {
    return { value: new TextDecoder('utf-8', { fatal: true }).decode(arr), invalidUtf8: false };
  } catch {
    return { value: new TextDecoder('utf-8').decode(arr), invalidUtf8: true };
  }
}
