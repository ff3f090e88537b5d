import { describe, expect, it } from 'vitest';
import client from 'prom-client';
import {
  ExpositionParseError,
  SCRAPE_ACCEPT_HEADER,
  formatFromContentType,
  parseExposition,
  parseExpositionFloat,
  type ParsedSample,
} from '@/server/scrape/parse-exposition';

/** prom-client types exemplar labels as the metric's own label names; they are free-form. */
const exemplarLabels = (labels: Record<string, string>) => labels as client.LabelValues<string>;
const plain = (labels: Record<string, string>) => ({ ...labels });
const brief = (s: ParsedSample) => ({ name: s.name, labels: plain(s.labels), value: s.value, ts: s.timestampMs, family: s.family.name, type: s.family.type, suffix: s.suffix });

function parseError(text: string, format: 'prometheus' | 'openmetrics'): ExpositionParseError {
  try {
    parseExposition(text, format);
  } catch (err) {
    expect(err).toBeInstanceOf(ExpositionParseError);
    return err as ExpositionParseError;
  }
  throw new Error('expected a parse error');
}

describe('content negotiation', () => {
  it('prefers OpenMetrics and reads anything else as text 0.0.4', () => {
    expect(SCRAPE_ACCEPT_HEADER).toBe('application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5');
    expect(formatFromContentType('application/openmetrics-text; version=1.0.0; charset=utf-8')).toBe('openmetrics');
    expect(formatFromContentType('Application/OpenMetrics-Text')).toBe('openmetrics');
    expect(formatFromContentType('text/plain; version=0.0.4')).toBe('prometheus');
    expect(formatFromContentType(null)).toBe('prometheus');
    expect(formatFromContentType('application/json')).toBe('prometheus');
  });
});

describe('Prometheus text format 0.0.4', () => {
  // The example of the Prometheus documentation ("Text format example").
  const DOC_EXAMPLE = [
    '# HELP http_requests_total The total number of HTTP requests.',
    '# TYPE http_requests_total counter',
    'http_requests_total{method="post",code="200"} 1027 1395066363000',
    'http_requests_total{method="post",code="400"}    3 1395066363000',
    '',
    '# Escaping in label values:',
    'msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9',
    '',
    '# Minimalistic line:',
    'metric_without_timestamp_and_labels 12.47',
    '',
    '# A weird metric from before the epoch:',
    'something_weird{problem="division by zero"} +Inf -3982045',
    '',
    '# A histogram, which has a pretty complex representation in the text format:',
    '# HELP http_request_duration_seconds A histogram of the request duration.',
    '# TYPE http_request_duration_seconds histogram',
    'http_request_duration_seconds_bucket{le="0.05"} 24054',
    'http_request_duration_seconds_bucket{le="0.1"} 33444',
    'http_request_duration_seconds_bucket{le="+Inf"} 144320',
    'http_request_duration_seconds_sum 53423',
    'http_request_duration_seconds_count 144320',
    '',
    '# Finally a summary, which has a complex representation, too:',
    '# HELP rpc_duration_seconds A summary of the RPC duration in seconds.',
    '# TYPE rpc_duration_seconds summary',
    'rpc_duration_seconds{quantile="0.01"} 3102',
    'rpc_duration_seconds{quantile="0.5"} 4773',
    'rpc_duration_seconds_sum 1.7560473e+07',
    'rpc_duration_seconds_count 2693',
    '',
  ].join('\n');

  it('parses the documentation example', () => {
    const { format, samples } = parseExposition(DOC_EXAMPLE, 'prometheus');
    expect(format).toBe('prometheus');
    expect(samples.map(brief)).toEqual([
      { name: 'http_requests_total', labels: { method: 'post', code: '200' }, value: 1027, ts: 1395066363000, family: 'http_requests_total', type: 'counter', suffix: '' },
      { name: 'http_requests_total', labels: { method: 'post', code: '400' }, value: 3, ts: 1395066363000, family: 'http_requests_total', type: 'counter', suffix: '' },
      { name: 'msdos_file_access_time_seconds', labels: { path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"' }, value: 1.458255915e9, ts: null, family: 'msdos_file_access_time_seconds', type: 'unknown', suffix: '' },
      { name: 'metric_without_timestamp_and_labels', labels: {}, value: 12.47, ts: null, family: 'metric_without_timestamp_and_labels', type: 'unknown', suffix: '' },
      { name: 'something_weird', labels: { problem: 'division by zero' }, value: Infinity, ts: -3982045, family: 'something_weird', type: 'unknown', suffix: '' },
      { name: 'http_request_duration_seconds_bucket', labels: { le: '0.05' }, value: 24054, ts: null, family: 'http_request_duration_seconds', type: 'histogram', suffix: '_bucket' },
      { name: 'http_request_duration_seconds_bucket', labels: { le: '0.1' }, value: 33444, ts: null, family: 'http_request_duration_seconds', type: 'histogram', suffix: '_bucket' },
      { name: 'http_request_duration_seconds_bucket', labels: { le: '+Inf' }, value: 144320, ts: null, family: 'http_request_duration_seconds', type: 'histogram', suffix: '_bucket' },
      { name: 'http_request_duration_seconds_sum', labels: {}, value: 53423, ts: null, family: 'http_request_duration_seconds', type: 'histogram', suffix: '_sum' },
      { name: 'http_request_duration_seconds_count', labels: {}, value: 144320, ts: null, family: 'http_request_duration_seconds', type: 'histogram', suffix: '_count' },
      { name: 'rpc_duration_seconds', labels: { quantile: '0.01' }, value: 3102, ts: null, family: 'rpc_duration_seconds', type: 'summary', suffix: '' },
      { name: 'rpc_duration_seconds', labels: { quantile: '0.5' }, value: 4773, ts: null, family: 'rpc_duration_seconds', type: 'summary', suffix: '' },
      { name: 'rpc_duration_seconds_sum', labels: {}, value: 1.7560473e7, ts: null, family: 'rpc_duration_seconds', type: 'summary', suffix: '_sum' },
      { name: 'rpc_duration_seconds_count', labels: {}, value: 2693, ts: null, family: 'rpc_duration_seconds', type: 'summary', suffix: '_count' },
    ]);
    expect(samples[0].family.help).toBe('The total number of HTTP requests.');
    expect(samples.map((s) => s.line)).toEqual([3, 4, 7, 10, 13, 18, 19, 20, 21, 22, 27, 28, 29, 30]);
  });

  it('unescapes HELP (\\\\ and \\n only) and keeps unknown label escapes literally', () => {
    const { samples } = parseExposition('# HELP m a \\\\ b\\nc \\"q\\"\n# TYPE m gauge\nm{a="x\\ty"} 1\n', 'prometheus');
    expect(samples[0].family.help).toBe('a \\ b\nc \\"q\\"');
    expect(samples[0].labels.a).toBe('x\\ty');
  });

  it('accepts NaN and infinities in any case, CRLF, tabs, leading blanks and a trailing comma', () => {
    const text = 'a Nan\r\nb{x="1",} +inf\r\n\tc\t-Inf\t5\r\nd NaN\n';
    const { samples } = parseExposition(text, 'prometheus');
    expect(samples.map((s) => [s.name, s.value, s.timestampMs])).toEqual([['a', NaN, null], ['b', Infinity, null], ['c', -Infinity, 5], ['d', NaN, null]]);
    expect(plain(samples[1].labels)).toEqual({ x: '1' });
  });

  it('ignores free comments and an empty body', () => {
    expect(parseExposition('', 'prometheus').samples).toEqual([]);
    expect(parseExposition('# just a comment\n#\n\n', 'prometheus').samples).toEqual([]);
  });

  it('types samples of an undeclared family as unknown, and untyped as unknown', () => {
    const { samples } = parseExposition('# TYPE u untyped\nu 1\nv_total 2\n', 'prometheus');
    expect(samples.map((s) => [s.family.name, s.family.type])).toEqual([['u', 'unknown'], ['v_total', 'unknown']]);
  });

  it('reads prom-client output in text format', async () => {
    const registry = new client.Registry();
    const counter = new client.Counter({ name: 'jobs_total', help: 'Jobs "done"\\', labelNames: ['queue'], registers: [registry] });
    counter.inc({ queue: 'a\nb' }, 3);
    const hist = new client.Histogram({ name: 'job_seconds', help: 'h', buckets: [0.5], registers: [registry] });
    hist.observe(0.2);
    const { samples } = parseExposition(await registry.metrics(), formatFromContentType(registry.contentType));
    expect(samples.map(brief)).toEqual([
      { name: 'jobs_total', labels: { queue: 'a\nb' }, value: 3, ts: null, family: 'jobs_total', type: 'counter', suffix: '' },
      { name: 'job_seconds_bucket', labels: { le: '0.5' }, value: 1, ts: null, family: 'job_seconds', type: 'histogram', suffix: '_bucket' },
      { name: 'job_seconds_bucket', labels: { le: '+Inf' }, value: 1, ts: null, family: 'job_seconds', type: 'histogram', suffix: '_bucket' },
      { name: 'job_seconds_sum', labels: {}, value: 0.2, ts: null, family: 'job_seconds', type: 'histogram', suffix: '_sum' },
      { name: 'job_seconds_count', labels: {}, value: 1, ts: null, family: 'job_seconds', type: 'histogram', suffix: '_count' },
    ]);
    expect(samples[0].family.help).toBe('Jobs "done"\\');
  });

  it.each([
    ['m{a="1"', 1, 'unterminated label set'],
    ['ok 1\nm{a="1} 2', 2, 'unterminated label value'],
    ['m{a="1",a="2"} 1', 1, 'duplicate label name "a"'],
    ['m{1a="x"} 1', 1, 'expected a label name'],
    ['m{a:b="x"} 1', 1, "expected '=' after label name"],
    ['m{a=x} 1', 1, 'expected \'"\' to start a label value'],
    ['m{a="x" b="y"} 1', 1, "expected ',' or '}'"],
    ['m', 1, 'missing value for m'],
    ['m abc', 1, 'invalid value "abc"'],
    ['m 1 1.5', 1, 'invalid timestamp "1.5"'],
    ['m 1 2 3', 1, 'unexpected text after the timestamp'],
    ['m 1 # {trace_id="a"} 1', 1, 'only valid in the OpenMetrics format'],
    ['\n\n# TYPE m histogramm\n', 3, 'invalid metric type "histogramm"'],
    ['# TYPE m info\n', 1, 'invalid metric type "info"'],
    ['{a="1"} 1', 1, 'expected a metric name'],
    ['9m 1', 1, 'expected a metric name'],
    ['# TYPE 9m gauge', 1, 'expected a metric name'],
  ])('rejects %j at line %i', (text, line, reason) => {
    const err = parseError(text, 'prometheus');
    expect(err.line).toBe(line);
    expect(err.message).toContain(`line ${line}: `);
    expect(err.reason).toContain(reason);
  });
});

describe('OpenMetrics 1.0', () => {
  const OM = [
    '# TYPE acme_http_router_request_seconds summary',
    '# UNIT acme_http_router_request_seconds seconds',
    '# HELP acme_http_router_request_seconds Latency though all of ACME\'s HTTP request router \\"x\\".',
    'acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32',
    'acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0',
    'acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0',
    '# TYPE go_goroutines gauge',
    'go_goroutines 69 1605281325.123',
    '# TYPE process_cpu_seconds counter',
    '# UNIT process_cpu_seconds seconds',
    'process_cpu_seconds_total 4.20072246e+06',
    'process_cpu_seconds_created 1.6e9',
    '# TYPE foo histogram',
    'foo_bucket{le="0.01"} 0',
    'foo_bucket{le="0.1"} 8 # {trace_id="4bf92f3577b34da6a3ce929d0e0e4736",span_id="00f067aa0ba902b7"} 0.054 1.7e9',
    'foo_bucket{le="+Inf"} 17 # {} 8.5',
    'foo_count 17',
    'foo_sum 324789.3',
    'foo_created 1520430000.123',
    '# TYPE build info',
    'build_info{version="1.2"} 1',
    '# TYPE state stateset',
    'state{state="a"} 1',
    'state{state="b"} 0',
    '# TYPE queue gaugehistogram',
    'queue_bucket{le="1"} 2',
    'queue_gcount 2',
    'queue_gsum 1.5',
    '# TYPE mystery unknown',
    'mystery 7',
    '# EOF',
    '',
  ].join('\n');

  it('parses every type, units, timestamps in seconds and exemplars', () => {
    const { samples } = parseExposition(OM, 'openmetrics');
    expect(samples.map((s) => [s.name, s.family.name, s.family.type, s.suffix])).toEqual([
      ['acme_http_router_request_seconds_sum', 'acme_http_router_request_seconds', 'summary', '_sum'],
      ['acme_http_router_request_seconds_count', 'acme_http_router_request_seconds', 'summary', '_count'],
      ['acme_http_router_request_seconds_created', 'acme_http_router_request_seconds', 'summary', '_created'],
      ['go_goroutines', 'go_goroutines', 'gauge', ''],
      ['process_cpu_seconds_total', 'process_cpu_seconds', 'counter', '_total'],
      ['process_cpu_seconds_created', 'process_cpu_seconds', 'counter', '_created'],
      ['foo_bucket', 'foo', 'histogram', '_bucket'],
      ['foo_bucket', 'foo', 'histogram', '_bucket'],
      ['foo_bucket', 'foo', 'histogram', '_bucket'],
      ['foo_count', 'foo', 'histogram', '_count'],
      ['foo_sum', 'foo', 'histogram', '_sum'],
      ['foo_created', 'foo', 'histogram', '_created'],
      ['build_info', 'build', 'info', '_info'],
      ['state', 'state', 'stateset', ''],
      ['state', 'state', 'stateset', ''],
      ['queue_bucket', 'queue', 'gaugehistogram', '_bucket'],
      ['queue_gcount', 'queue', 'gaugehistogram', '_gcount'],
      ['queue_gsum', 'queue', 'gaugehistogram', '_gsum'],
      ['mystery', 'mystery', 'unknown', ''],
    ]);
    const summary = samples[0].family;
    expect(summary.unit).toBe('seconds');
    expect(summary.help).toBe('Latency though all of ACME\'s HTTP request router "x".');
    expect(samples[3].timestampMs).toBe(1605281325123);
    expect(samples[5].value).toBe(1.6e9);
    expect(samples[7].exemplar).toEqual({ labels: expect.objectContaining({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' }), value: 0.054, timestampMs: 1.7e12 });
    expect(samples[8].exemplar?.timestampMs).toBeNull();
    expect(Object.keys(samples[8].exemplar?.labels ?? { x: 1 })).toEqual([]);
    expect(samples[6].exemplar).toBeNull();
  });

  it('reads prom-client OpenMetrics output with exemplars', async () => {
    const registry = new client.Registry<client.OpenMetricsContentType>();
    registry.setContentType(client.Registry.OPENMETRICS_CONTENT_TYPE);
    const hist = new client.Histogram({ name: 'req_seconds', help: 'Request "time"', labelNames: ['route'], buckets: [0.1, 1], registers: [registry], enableExemplars: true });
    hist.observe({ labels: { route: '/a' }, value: 0.05, exemplarLabels: exemplarLabels({ trace_id: 'aa'.repeat(16), span_id: 'bb'.repeat(8) }) });
    const counter = new client.Counter({ name: 'req_total', help: 'n', registers: [registry], enableExemplars: true });
    counter.inc({ value: 2, exemplarLabels: exemplarLabels({ trace_id: 'cc'.repeat(16) }) });
    const gauge = new client.Gauge({ name: 'nan_gauge', help: 'g', registers: [registry] });
    gauge.set(NaN);
    const { format, samples } = parseExposition(await registry.metrics(), formatFromContentType(registry.contentType));
    expect(format).toBe('openmetrics');
    const bucket = samples.find((s) => s.name === 'req_seconds_bucket' && s.labels.le === '0.1')!;
    expect(plain(bucket.labels)).toEqual({ le: '0.1', route: '/a' });
    expect(bucket.family.help).toBe('Request "time"');
    expect(bucket.exemplar?.value).toBe(0.05);
    expect(plain(bucket.exemplar!.labels)).toEqual({ trace_id: 'aa'.repeat(16), span_id: 'bb'.repeat(8) });
    expect(Math.abs(bucket.exemplar!.timestampMs! - Date.now())).toBeLessThan(60_000);
    const total = samples.find((s) => s.name === 'req_total')!;
    expect([total.family.name, total.family.type, total.suffix, total.value]).toEqual(['req', 'counter', '_total', 2]);
    expect(total.exemplar?.labels.trace_id).toBe('cc'.repeat(16));
    expect(samples.find((s) => s.name === 'nan_gauge')!.value).toBeNaN();
  });

  it.each([
    ['m 1\n', 1, 'does not end with "# EOF"'],
    ['m 1\n# EOF\nm 2\n', 3, 'unexpected content after "# EOF"'],
    ['m 1\n\n# EOF\n', 2, 'empty lines are not allowed'],
    ['# random comment\n# EOF\n', 1, 'unsupported comment'],
    ['# TYPE m_seconds gauge\n# UNIT m_seconds bytes\n# EOF\n', 2, 'unit "bytes" is not a suffix'],
    ['m 1 1e3x\n# EOF\n', 1, 'invalid timestamp'],
    ['m 1 # {a="1"}\n# EOF\n', 1, 'expected a space before the exemplar value'],
    ['m 1 # {a="1"} x\n# EOF\n', 1, 'invalid exemplar value'],
    ['m 1 #{a="1"} 1\n# EOF\n', 1, 'expected a space after "#"'],
    ['m 1 # a 1\n# EOF\n', 1, 'expected "{"'],
    ['m 1 # {a="1"} 1 2 3\n# EOF\n', 1, 'unexpected text after the exemplar'],
    [`m 1 # {trace_id="${'x'.repeat(130)}"} 1\n# EOF\n`, 1, 'exemplar label set is 138 characters long'],
    ['# TYPE m gaugee\n# EOF\n', 1, 'invalid metric type'],
    [' m 1\n# EOF\n', 1, 'expected a metric name'],
    ['# EOF extra\n', 1, 'unexpected text after "# EOF"'],
  ])('rejects %j at line %i', (text, line, reason) => {
    const err = parseError(text, 'openmetrics');
    expect(err.line).toBe(line);
    expect(err.reason).toContain(reason);
  });

  it('accepts a body ending in "# EOF" without a newline', () => {
    expect(parseExposition('m 1\n# EOF', 'openmetrics').samples).toHaveLength(1);
  });
});

describe('hostile input', () => {
  it('parses a line with 50,000 labels in linear time', () => {
    const labels = Array.from({ length: 50_000 }, (_, i) => `l${i}="${i}"`).join(',');
    const started = performance.now();
    const { samples } = parseExposition(`wide{${labels}} 1\n`, 'prometheus');
    expect(Object.keys(samples[0].labels)).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('parses 100,000 samples quickly', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `series_${i % 100}{id="${i}"} ${i}`).join('\n');
    const started = performance.now();
    expect(parseExposition(text, 'prometheus').samples).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('rejects garbage with a clear error instead of misreading it', () => {
    expect(() => parseExposition('<html><body>Not Found</body></html>', 'prometheus')).toThrow(/^line 1: expected a metric name or comment, found "<html><body>Not Foun…"$/);
    expect(() => parseExposition('{"metrics": []}', 'prometheus')).toThrow(/line 1: expected a metric name/);
    expect(() => parseExposition('\u0000\u0001\u0002', 'prometheus')).toThrow(/line 1: expected a metric name/);
    expect(() => parseExposition(`m{a="${'x'.repeat(1_000_000)}`, 'prometheus')).toThrow(/line 1: unterminated label value/);
  });

  it('keeps labels named like Object.prototype members as ordinary labels', () => {
    const { samples } = parseExposition('m{__proto__="a",constructor="b",toString="c"} 1\n', 'prometheus');
    expect(samples[0].labels.__proto__).toBe('a');
    expect(Object.keys(samples[0].labels)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(() => parseExposition('m{__proto__="a",__proto__="b"} 1', 'prometheus')).toThrow(/duplicate label name "__proto__"/);
  });

  it('rejects pathological numbers', () => {
    expect(() => parseExposition(`m ${'9'.repeat(100)}`, 'prometheus')).toThrow(/invalid value/);
    expect(() => parseExposition('m 1 99999999999999999999', 'prometheus')).toThrow(/invalid timestamp/);
    expect(() => parseExposition('m 1 9007199254740993', 'prometheus')).toThrow(/invalid timestamp/);
  });
});

describe('parseExpositionFloat', () => {
  it.each([
    ['1', 1], ['-1.5', -1.5], ['1e3', 1000], ['.5', 0.5], ['5.', 5], ['+Inf', Infinity], ['-inf', -Infinity],
    ['Infinity', Infinity], ['nan', NaN], ['NaN', NaN], ['1.7560473e+07', 17560473],
  ])('%s → %d', (text, value) => {
    expect(parseExpositionFloat(text)).toBe(value);
  });
  it.each(['', '1,5', '0x10', '1e', 'e1', '--1', 'infinit', '1_000'])('rejects %j', (text) => {
    expect(parseExpositionFloat(text)).toBeNull();
  });
});
