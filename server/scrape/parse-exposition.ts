/**
 * Parser of the two Prometheus text exposition formats a scrape may answer with:
 *
 * - Prometheus text format 0.0.4 (`text/plain; version=0.0.4`): `# HELP`/`# TYPE` comments (other
 *   comments ignored), types counter/gauge/histogram/summary/untyped, optional integer timestamps in
 *   epoch milliseconds, blank lines and CRLF tolerated.
 * - OpenMetrics 1.0 (`application/openmetrics-text; version=1.0.0`): `# HELP`/`# TYPE`/`# UNIT`, types
 *   counter/gauge/histogram/gaugehistogram/summary/info/stateset/unknown, timestamps as float seconds,
 *   exemplars after ` # ` (`{trace_id="…"} 0.67 1.7e9`), and the mandatory final `# EOF`.
 *
 * Both: label values unescape `\\`, `\"` and `\n` (any other escape stays literally, as Prometheus
 * keeps it); HELP unescapes `\\` and `\n` (and `\"` in OpenMetrics); values accept NaN/±Inf in any case
 * (Go's ParseFloat does; prom-client writes `Nan`). Only legacy names (`[a-zA-Z_:][a-zA-Z0-9_:]*`,
 * labels without `:`) are accepted: we never offer `escaping=allow-utf-8`, so compliant exporters send
 * no quoted UTF-8 names.
 *
 * Every sample is tied to its metric family (by TYPE/HELP/UNIT name plus the type's allowed suffixes:
 * `_total`, `_bucket`, `_sum`, `_count`, `_created`, `_gsum`, `_gcount`, `_info`); samples of no
 * declared family form their own `unknown` family. Keeping or dropping samples (e.g. `_created`) is the
 * caller's business: the parser reports everything it read.
 *
 * Pure and linear in the input: no regular expression runs over unbounded text. Malformed input throws
 * ExpositionParseError naming the 1-based line.
 */

export type ExpositionFormat = 'prometheus' | 'openmetrics';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'gaugehistogram' | 'summary' | 'info' | 'stateset' | 'unknown';

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  unit: string;
}

export interface ParsedExemplar {
  /** Null-prototype record: a label may be named `__proto__`. */
  labels: Record<string, string>;
  value: number;
  /** Epoch ms, or null when the exemplar has none. */
  timestampMs: number | null;
}

export interface ParsedSample {
  /** The sample's own name, e.g. `http_request_duration_seconds_bucket`. */
  name: string;
  /** Null-prototype record, without `__name__`, in exposition order. */
  labels: Record<string, string>;
  value: number;
  /** Epoch ms as exposed, or null. */
  timestampMs: number | null;
  exemplar: ParsedExemplar | null;
  family: MetricFamily;
  /** The sample's role in its family: '' (the family name itself), '_total', '_bucket', '_sum', … */
  suffix: string;
  /** 1-based line of the sample. */
  line: number;
}

export interface ParsedExposition {
  format: ExpositionFormat;
  samples: ParsedSample[];
}

export class ExpositionParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ExpositionParseError';
  }
}

/** Sent on every scrape: OpenMetrics preferred, Prometheus text accepted. */
export const SCRAPE_ACCEPT_HEADER = 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5';

/**
 * The format of a response from its Content-Type. Like Prometheus, anything that is not
 * `application/openmetrics-text` (including a missing header) is read as text format 0.0.4.
 */
export function formatFromContentType(contentType: string | null | undefined): ExpositionFormat {
  const mediaType = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  return mediaType === 'application/openmetrics-text' ? 'openmetrics' : 'prometheus';
}

const PROMETHEUS_TYPES: Record<string, MetricType> = {
  counter: 'counter', gauge: 'gauge', histogram: 'histogram', summary: 'summary', untyped: 'unknown',
};
const OPENMETRICS_TYPES: Record<string, MetricType> = {
  counter: 'counter', gauge: 'gauge', histogram: 'histogram', gaugehistogram: 'gaugehistogram', summary: 'summary',
  info: 'info', stateset: 'stateset', unknown: 'unknown',
};

/** Suffixes a sample name may add to its family's name, per type ('' = the family name itself). */
const ALLOWED_SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: ['_total', '_created', ''],
  gauge: [''],
  histogram: ['_bucket', '_sum', '_count', '_created'],
  gaugehistogram: ['_bucket', '_gsum', '_gcount'],
  summary: ['', '_sum', '_count', '_created'],
  info: ['_info'],
  stateset: [''],
  unknown: [''],
};
const ALL_SUFFIXES = ['_total', '_created', '_bucket', '_sum', '_count', '_gsum', '_gcount', '_info'];

/** OpenMetrics: the sum of exemplar label name and value lengths (code points) may not exceed this. */
export const EXEMPLAR_MAX_LABEL_SET_LENGTH = 128;

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58; // a-z A-Z _ :
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
const isLabelStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isLabelChar = (c: number) => isLabelStart(c) || (c >= 48 && c <= 57);
const isBlank = (c: number) => c === 32 || c === 9; // space, tab

const FLOAT_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF_RE = /^[+-]?inf(?:inity)?$/i;

/** A float as Go's ParseFloat reads the exposition formats: decimal, NaN and ±Inf in any case. */
export function parseExpositionFloat(token: string): number | null {
  if (token.length > 64) return null;
  if (FLOAT_RE.test(token)) return Number(token);
  if (INF_RE.test(token)) return token.startsWith('-') ? -Infinity : Infinity;
  if (token.toLowerCase() === 'nan') return NaN;
  return null;
}

/** Cursor over one line. */
class LineReader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly lineNo: number,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  fail(reason: string): never {
    throw new ExpositionParseError(this.lineNo, reason);
  }

  skipBlanks(): number {
    const start = this.pos;
    while (this.pos < this.text.length && isBlank(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos - start;
  }

  /** A run of non-blank characters (may be empty). */
  token(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isBlank(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  metricName(what: string): string {
    const start = this.pos;
    if (!isNameStart(this.peek())) this.fail(`expected ${what}, found ${describe(this.text, this.pos)}`);
    this.pos++;
    while (this.pos < this.text.length && isNameChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  labelName(): string {
    const start = this.pos;
    if (!isLabelStart(this.peek())) this.fail(`expected a label name, found ${describe(this.text, this.pos)}`);
    this.pos++;
    while (this.pos < this.text.length && isLabelChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A double-quoted label value with its escapes resolved; the cursor is on the opening quote. */
  quoted(): string {
    if (this.peek() !== 34) this.fail(`expected '"' to start a label value, found ${describe(this.text, this.pos)}`);
    this.pos++;
    let out = '';
    let chunkStart = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === 92) {
        out += this.text.slice(chunkStart, this.pos);
        const next = this.text.charCodeAt(this.pos + 1);
        if (Number.isNaN(next)) break;
        if (next === 110) out += '\n';
        else if (next === 92) out += '\\';
        else if (next === 34) out += '"';
        else out += `\\${this.text[this.pos + 1]}`;
        this.pos += 2;
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
    return this.fail('unterminated label value (missing closing \'"\')');
  }

  /** `{name="value",…}` (trailing comma allowed); the cursor is on '{'. Returns a null-prototype record. */
  labelSet(): Record<string, string> {
    this.pos++; // '{'
    const labels: Record<string, string> = Object.create(null) as Record<string, string>;
    for (;;) {
      this.skipBlanks();
      if (this.peek() === 125) {
        this.pos++;
        return labels;
      }
      if (this.done) this.fail("unterminated label set (missing '}')");
      const name = this.labelName();
      this.skipBlanks();
      if (this.peek() !== 61) this.fail(`expected '=' after label name "${name}", found ${describe(this.text, this.pos)}`);
      this.pos++;
      this.skipBlanks();
      const value = this.quoted();
      if (Object.prototype.hasOwnProperty.call(labels, name)) this.fail(`duplicate label name "${name}"`);
      labels[name] = value;
      this.skipBlanks();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) continue;
      if (this.done) this.fail("unterminated label set (missing '}')");
      this.fail(`expected ',' or '}' after label value, found ${describe(this.text, this.pos)}`);
    }
  }
}

function describe(text: string, pos: number): string {
  if (pos >= text.length) return 'end of line';
  const snippet = text.slice(pos, pos + 20);
  return JSON.stringify(snippet + (text.length > pos + 20 ? '…' : ''));
}

function unescapeHelp(text: string, openMetrics: boolean): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === 'n') out += '\n';
    else if (next === '\\') out += '\\';
    else if (next === '"' && openMetrics) out += '"';
    else {
      out += c;
      continue;
    }
    i++;
  }
  return out;
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Parses a whole exposition. Throws ExpositionParseError (with the line) on the first malformed line. */
export function parseExposition(text: string, format: ExpositionFormat): ParsedExposition {
  const openMetrics = format === 'openmetrics';
  const types = openMetrics ? OPENMETRICS_TYPES : PROMETHEUS_TYPES;
  const declared = new Map<string, MetricFamily>();
  const implicit = new Map<string, MetricFamily>();
  const samples: ParsedSample[] = [];
  let sawEof = false;
  let lineNo = 0;
  let pos = 0;

  const family = (name: string): MetricFamily => {
    let f = declared.get(name);
    if (!f) {
      f = { name, type: 'unknown', help: '', unit: '' };
      declared.set(name, f);
    }
    return f;
  };

  const resolve = (name: string): { family: MetricFamily; suffix: string } => {
    const exact = declared.get(name);
    if (exact && ALLOWED_SUFFIXES[exact.type].includes('')) return { family: exact, suffix: '' };
    for (const suffix of ALL_SUFFIXES) {
      if (name.length <= suffix.length || !name.endsWith(suffix)) continue;
      const f = declared.get(name.slice(0, -suffix.length));
      if (f && ALLOWED_SUFFIXES[f.type].includes(suffix)) return { family: f, suffix };
    }
    let f = implicit.get(name);
    if (!f) {
      f = { name, type: 'unknown', help: '', unit: '' };
      implicit.set(name, f);
    }
    return { family: f, suffix: '' };
  };

  while (pos < text.length || (pos === text.length && lineNo === 0)) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    let line = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (!openMetrics && line.endsWith('\r')) line = line.slice(0, -1);

    if (sawEof) {
      if (line === '' && pos >= text.length) break;
      throw new ExpositionParseError(lineNo, 'unexpected content after "# EOF"');
    }
    if (line.trim() === '') {
      if (openMetrics && pos < text.length) throw new ExpositionParseError(lineNo, 'empty lines are not allowed in OpenMetrics');
      continue;
    }

    const r: LineReader = new LineReader(line, lineNo);
    if (line.charCodeAt(0) === 35) {
      // '#': HELP, TYPE, UNIT, EOF, or (0.0.4 only) a free comment.
      r.pos = 1;
      const blanks = r.skipBlanks();
      const keyword = r.token();
      if (openMetrics && keyword === 'EOF' && blanks === 1) {
        r.skipBlanks();
        if (!r.done) r.fail('unexpected text after "# EOF"');
        sawEof = true;
        continue;
      }
      const isMeta = keyword === 'HELP' || keyword === 'TYPE' || (openMetrics && keyword === 'UNIT');
      if (!isMeta || blanks === 0) {
        if (openMetrics) r.fail(`unsupported comment ${describe(line, 0)}: OpenMetrics allows only # HELP, # TYPE, # UNIT and # EOF`);
        continue;
      }
      if (r.skipBlanks() === 0) r.fail(`expected a metric name after "# ${keyword}"`);
      const name = r.metricName('a metric name');
      const sep = r.skipBlanks();
      if (!r.done && sep === 0) r.fail(`unexpected character after the metric name in "# ${keyword}": ${describe(line, r.pos)}`);
      const rest = line.slice(r.pos);
      const f = family(name);
      if (keyword === 'HELP') {
        f.help = unescapeHelp(rest, openMetrics);
      } else if (keyword === 'TYPE') {
        const word = rest.trim();
        const type = Object.prototype.hasOwnProperty.call(types, word) ? types[word] : undefined;
        if (!type) r.fail(`invalid metric type "${word.slice(0, 40)}" for ${name} (${format === 'openmetrics' ? 'OpenMetrics' : 'text 0.0.4'} allows ${Object.keys(types).join(', ')})`);
        f.type = type;
      } else {
        const unit = rest.trim();
        if (unit !== '' && !name.endsWith(`_${unit}`)) r.fail(`unit "${unit.slice(0, 40)}" is not a suffix of the metric name ${name}`);
        f.unit = unit;
      }
      continue;
    }

    // A sample: name [labels] value [timestamp] [# exemplar]
    if (!openMetrics) r.skipBlanks();
    const name = r.metricName('a metric name or comment');
    const labels = r.peek() === 123 ? r.labelSet() : (Object.create(null) as Record<string, string>);
    if (r.skipBlanks() === 0) r.fail(r.done ? `missing value for ${name}` : `expected a space before the value, found ${describe(line, r.pos)}`);
    const valueToken = r.token();
    const value = parseExpositionFloat(valueToken);
    if (value === null) r.fail(`invalid value ${JSON.stringify(valueToken.slice(0, 40))} for ${name}`);

    let timestampMs: number | null = null;
    let exemplar: ParsedExemplar | null = null;
    r.skipBlanks();
    if (!r.done && r.peek() !== 35) {
      const tsToken = r.token();
      timestampMs = openMetrics ? parseSecondsTimestamp(tsToken) : parseMillisTimestamp(tsToken);
      if (timestampMs === null) r.fail(`invalid timestamp ${JSON.stringify(tsToken.slice(0, 40))} for ${name}`);
      r.skipBlanks();
    }
    if (!r.done) {
      if (r.peek() !== 35) r.fail(`unexpected text after the ${timestampMs === null ? 'value' : 'timestamp'}: ${describe(line, r.pos)}`);
      if (!openMetrics) r.fail('exemplars (" # {…}") are only valid in the OpenMetrics format');
      r.pos++;
      if (r.skipBlanks() === 0) r.fail('expected a space after "#" before the exemplar');
      if (r.peek() !== 123) r.fail(`expected "{" to start the exemplar's labels, found ${describe(line, r.pos)}`);
      const exLabels = r.labelSet();
      if (r.skipBlanks() === 0) r.fail('expected a space before the exemplar value');
      const exToken = r.token();
      const exValue = parseExpositionFloat(exToken);
      if (exValue === null) r.fail(`invalid exemplar value ${JSON.stringify(exToken.slice(0, 40))}`);
      let exTs: number | null = null;
      r.skipBlanks();
      if (!r.done) {
        const exTsToken = r.token();
        exTs = parseSecondsTimestamp(exTsToken);
        if (exTs === null) r.fail(`invalid exemplar timestamp ${JSON.stringify(exTsToken.slice(0, 40))}`);
        r.skipBlanks();
        if (!r.done) r.fail(`unexpected text after the exemplar: ${describe(line, r.pos)}`);
      }
      let setLength = 0;
      for (const k in exLabels) setLength += codePointLength(k) + codePointLength(exLabels[k]);
      if (setLength > EXEMPLAR_MAX_LABEL_SET_LENGTH) {
        r.fail(`exemplar label set is ${setLength} characters long; OpenMetrics allows ${EXEMPLAR_MAX_LABEL_SET_LENGTH}`);
      }
      exemplar = { labels: exLabels, value: exValue, timestampMs: exTs };
    }

    const { family: f, suffix } = resolve(name);
    samples.push({ name, labels, value, timestampMs, exemplar, family: f, suffix, line: lineNo });
  }

  if (openMetrics && !sawEof) throw new ExpositionParseError(lineNo, 'the exposition does not end with "# EOF"');
  return { format, samples };
}

/** Text 0.0.4: an int64 of epoch milliseconds. */
function parseMillisTimestamp(token: string): number | null {
  if (!/^-?\d{1,19}$/.test(token)) return null;
  const n = Number(token);
  return Number.isSafeInteger(n) ? n : null;
}

/** OpenMetrics: epoch seconds, integer or float (never NaN/Inf). */
function parseSecondsTimestamp(token: string): number | null {
  if (!FLOAT_RE.test(token) || token.length > 64) return null;
  const ms = Math.round(Number(token) * 1000);
  return Number.isSafeInteger(ms) ? ms : null;
}
