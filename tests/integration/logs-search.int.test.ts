import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import superjson from 'superjson';
import { trace, ROOT_CONTEXT } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { TeeLogExporter, expectAllSucceeded } from './support/tee-exporters';
import { exportersFor, type Protocol } from './support/sdk-clients';

const baseUrl = inject('sightlineUrl');
const range = { from: 'now-2h', to: 'now+5m' };

interface Rec { id: number; body: { kind: string; text: string }; serviceName: string; severityNumber: number; severityText: string;
  traceId: string | null; spanId: string | null; timestampUnixNano: bigint; attributes: { key: string; value: string; type: string }[] }

async function trpc<T>(proc: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`);
  const payload = await res.json() as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: { message: string } } };
  if (!payload.result) throw new Error(`${proc}: HTTP ${res.status} ${payload.error?.json.message}`);
  return superjson.deserialize<T>(payload.result.data);
}
const search = (filter: Record<string, unknown>) => trpc<{ records: Rec[] }>('logs.search', { ...range, ...filter }).then((p) => p.records);

const postNdjson = (body: string | Uint8Array, headers: Record<string, string> = {}, query = '') =>
  fetch(`${baseUrl}/api/logs/ndjson${query}`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/x-ndjson', ...headers } });

describe.each<Protocol>(['http/protobuf', 'http/json'])('OTLP logs from the official SDK over %s', (protocol) => {
  const service = `logs-it-${protocol.replace('/', '-')}`;
  it('are found by text, attribute, severity, trace id and span id', async () => {
    const tee = new TeeLogExporter(exportersFor(protocol, baseUrl).logs);
    const provider = new LoggerProvider({ resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'it' }), processors: [new SimpleLogRecordProcessor(tee)] });
    const logger = provider.getLogger('it-logs');
    const span = new BasicTracerProvider().getTracer('t').startSpan('charge', {}, ROOT_CONTEXT);
    const ctx = trace.setSpan(ROOT_CONTEXT, span);
    logger.emit({ body: 'payment declined: gateway timeout', severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', attributes: { 'order.id': 'o-9', duration_ms: 250 }, context: ctx });
    logger.emit({ body: 'charging card', severityNumber: SeverityNumber.INFO, severityText: 'INFO', attributes: { 'order.id': 'o-9', duration_ms: 5 }, context: ctx });
    logger.emit({ body: { event: 'cart', items: 3 }, severityNumber: SeverityNumber.WARN, severityText: 'WARN' });
    span.end();
    await provider.forceFlush();
    await provider.shutdown();
    expectAllSucceeded(tee.results);
    const { traceId, spanId } = span.spanContext();

    expect((await search({ service, q: 'declined' })).map((r) => r.body.text)).toEqual(['payment declined: gateway timeout']);
    expect((await search({ service, q: '"gateway timeout"' })).map((r) => r.severityText)).toEqual(['ERROR']);
    expect((await search({ service, q: 'charg*' })).map((r) => r.body.text)).toEqual(['charging card']);
    expect((await search({ service, attributes: ['duration_ms > 200'] })).map((r) => r.body.text)).toEqual(['payment declined: gateway timeout']);
    expect(await search({ service, attributes: ['deployment.environment.name=it'] })).toHaveLength(3);
    expect(await search({ service, attributes: ['deployment.environment.name!=it'] })).toHaveLength(0);
    expect((await search({ service, severities: ['warn', 'error'] })).map((r) => r.severityText).sort()).toEqual(['ERROR', 'WARN']);
    const structured = (await search({ service, severities: ['warn'] }))[0];
    expect(structured.body).toEqual({ kind: 'json', text: JSON.stringify({ event: 'cart', items: 3 }, null, 2) });
    const byTrace = await search({ traceId });
    expect(byTrace.map((r) => r.body.text).sort()).toEqual(['charging card', 'payment declined: gateway timeout']);
    expect(byTrace.every((r) => r.spanId === spanId && r.serviceName === service)).toBe(true);
    expect(await search({ traceId, spanId: 'f'.repeat(16) })).toHaveLength(0);
  });
});

describe('POST /api/logs/ndjson', () => {
  it('stores structured JSON lines, rejects broken ones alone, and they are searchable', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const nowIso = new Date().toISOString().slice(0, 19);
    const lines = [
      JSON.stringify({ level: 50, time: Date.now(), msg: 'ndjson payment failed', service: 'ndjson-it', trace_id: traceId, span_id: '00f067aa0ba902b7', retries: 3, ok: false }),
      '{"msg": "broken line", ',
      JSON.stringify({ timestamp: `${nowIso}.123456789Z`, severity: 'warning', message: 'ndjson cache slow', 'service.name': 'ndjson-it', duration_ms: 480.5, tags: ['a'] }),
      JSON.stringify({ ts: 'not a time', level: 'info', msg: 'ndjson started' }),
    ];
    const res = await postNdjson(lines.join('\n') + '\n', {}, '?service=ndjson-default');
    expect(res.status).toBe(200);
    const answer = await res.json() as { accepted: number; rejected: number; errors: { line: number; error: string }[] };
    expect(answer).toMatchObject({ accepted: 3, rejected: 1 });
    expect(answer.errors[0].line).toBe(2);
    expect(answer.errors[0].error).toMatch(/invalid JSON/);

    const failed = await search({ q: 'ndjson payment' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ serviceName: 'ndjson-it', severityNumber: 17, severityText: 'ERROR', traceId, spanId: '00f067aa0ba902b7' });
    expect(failed[0].attributes).toEqual([{ key: 'retries', value: '3', type: 'int' }, { key: 'ok', value: 'false', type: 'bool' }]);
    expect((await search({ traceId })).map((r) => r.body.text)).toEqual(['ndjson payment failed']);
    expect((await search({ service: 'ndjson-it', attributes: ['retries>2'] })).map((r) => r.body.text)).toEqual(['ndjson payment failed']);
    expect((await search({ attributes: ['ok=false'], q: 'ndjson' })).map((r) => r.body.text)).toEqual(['ndjson payment failed']);
    const slow = await search({ service: 'ndjson-it', severities: ['warn'] });
    expect(slow.map((r) => r.body.text)).toEqual(['ndjson cache slow']);
    expect(slow[0].timestampUnixNano % 1_000_000_000n).toBe(123_456_789n); // nanoseconds kept exactly
    const started = await search({ service: 'ndjson-default', q: 'started' });
    expect(started[0].attributes).toEqual([{ key: 'ts', value: 'not a time', type: 'string' }]);
  });

  it('follows the OTLP receivers’ body rules: gzip, 413, 415, 400', async () => {
    const gz = await postNdjson(gzipSync(Buffer.from('{"msg":"ndjson gzipped line","service":"ndjson-gz"}\n')), { 'content-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect((await search({ service: 'ndjson-gz' })).map((r) => r.body.text)).toEqual(['ndjson gzipped line']);
    // 21 MiB of valid lines, compressed: refused once inflated past the 20 MiB cap.
    const line = '{"msg":"' + 'x'.repeat(1000) + '"}\n';
    const big = gzipSync(Buffer.from(line.repeat(Math.ceil((21 * 1024 * 1024) / line.length))));
    expect((await postNdjson(big, { 'content-encoding': 'gzip' })).status).toBe(413);
    const wrongType = await postNdjson('{}', { 'content-type': 'application/x-protobuf' });
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json() as { error: string }).error).toMatch(/x-ndjson/);
    const allBad = await postNdjson('nope\n[1]\n');
    expect(allBad.status).toBe(400);
    expect(await allBad.json()).toMatchObject({ accepted: 0, rejected: 2 });
    expect((await postNdjson('{"msg":"x"}', {}, '?service=')).status).toBe(400);
    expect(await (await postNdjson('')).json()).toEqual({ accepted: 0, rejected: 0, errors: [] });
  });

  it('property: random and broken lines are counted one by one and every valid line is stored', async () => {
    let run = 0;
    const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).map((k) => `x_${k}`), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    const broken = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\n') && s.trim() !== '' && (() => {
      try { const v: unknown = JSON.parse(s); return typeof v !== 'object' || v === null || Array.isArray(v); } catch { return true; }
    })());
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(extra.map((e) => ({ e })), broken), { minLength: 1, maxLength: 25 }), async (items) => {
      const marker = `propmark${Date.now()}r${run++}`;
      const text = items.map((it) => (typeof it === 'string' ? it : JSON.stringify({ ...it.e, msg: `${marker} line`, service: 'ndjson-prop' }))).join('\n');
      const valid = items.filter((it) => typeof it !== 'string').length;
      const res = await postNdjson(text);
      const answer = await res.json() as { accepted: number; rejected: number };
      expect(res.status).toBe(valid === 0 ? 400 : 200);
      expect(answer).toMatchObject({ accepted: valid, rejected: items.length - valid });
      expect(await search({ q: marker, limit: 100 })).toHaveLength(valid);
    }), { numRuns: 15 });
  });
});

describe('GET /api/logs/tail (Server-Sent Events)', () => {
  it('streams a new matching record within seconds, and refuses a bad filter', async () => {
    expect((await fetch(`${baseUrl}/api/logs/tail?q=${encodeURIComponent('::')}`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/api/logs/tail?traceId=xyz`)).status).toBe(400);

    const marker = `tailmark${Date.now()}`;
    const abort = new AbortController();
    const res = await fetch(`${baseUrl}/api/logs/tail?q=${marker}`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (!text.includes(needle) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text.includes(needle);
    };
    expect(await readUntil('event: ready', 5_000)).toBe(true);
    await postNdjson(JSON.stringify({ msg: `other line` }) + '\n' + JSON.stringify({ msg: `${marker} arrived`, level: 'error', service: 'tail-it' }));
    expect(await readUntil('event: records', 5_000)).toBe(true);
    const data = /event: records\ndata: (.*)\n/.exec(text)![1];
    const tick = superjson.parse<{ records: Rec[]; skipped: number }>(data);
    expect(tick.records.map((r) => r.body.text)).toEqual([`${marker} arrived`]);
    expect(tick.skipped).toBe(0);
    abort.abort();
  });
});
