import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyValuesToPlain, anyValueToPlain, type OtlpKeyValue, type OtlpAnyValue } from '@/lib/otlp-attributes';
import { mapJsonLogLine } from '@/server/ingest/ndjson/map-line';
import { parseNdjson } from '@/server/ingest/ndjson/parse-ndjson';

const NOW = 1_800_000_000_000_000_123n;
const attrs = (json: string) => JSON.parse(json) as OtlpKeyValue[];

describe('mapJsonLogLine', () => {
  it('maps the common fields and keeps every other field with its JSON type', () => {
    const { serviceName, row } = mapJsonLogLine({
      time: 1763791200000, level: 50, msg: 'payment declined', trace_id: 'AB'.repeat(16), span_id: 'cd'.repeat(8),
      service: 'payment', 'order.id': 'o-1', amount: 12.5, retries: 2, ok: false, tags: ['a', 1], ctx: { user: 'u' }, gone: null,
    }, NOW);
    expect(serviceName).toBe('payment');
    expect(row).toMatchObject({
      timeUnixNano: 1_763_791_200_000_000_000n, observedTimeUnixNano: NOW, severityNumber: 17, severityText: 'ERROR',
      bodyText: 'payment declined', traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8),
    });
    expect(JSON.parse(row.bodyJson)).toEqual({ stringValue: 'payment declined' });
    const list = attrs(row.attributesJson);
    expect(list.map((a) => a.key)).toEqual(['order.id', 'amount', 'retries', 'ok', 'tags', 'ctx', 'gone']);
    expect(list.find((a) => a.key === 'retries')!.value).toEqual({ intValue: '2' });
    expect(list.find((a) => a.key === 'amount')!.value).toEqual({ doubleValue: 12.5 });
    expect(list.find((a) => a.key === 'ok')!.value).toEqual({ boolValue: false });
    expect(list.find((a) => a.key === 'gone')!.value).toEqual({});
    expect(keyValuesToPlain(list)).toMatchObject({ tags: ['a', 1], ctx: { user: 'u' } });
  });

  it('uses the alternative spellings and the default service', () => {
    const { serviceName, row } = mapJsonLogLine({ timestamp: '2025-11-22T06:00:00.000000001Z', severity: 'warn', message: 'm', traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), 'service.name': 'svc' }, NOW);
    expect(serviceName).toBe('svc');
    expect(row).toMatchObject({ timeUnixNano: 1_763_791_200_000_000_001n, severityNumber: 13, traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8) });
    expect(mapJsonLogLine({ msg: 'x' }, NOW, 'from-query').serviceName).toBe('from-query');
  });

  it('keeps unusable recognised fields as attributes instead of dropping them', () => {
    const { row } = mapJsonLogLine({ ts: 'last tuesday', trace_id: 'not-hex', msg: { event: 'checkout', items: 3 } }, NOW);
    expect(row.timeUnixNano).toBe(0n);
    expect(row.traceId).toBeNull();
    expect(keyValuesToPlain(attrs(row.attributesJson))).toEqual({ ts: 'last tuesday', trace_id: 'not-hex' });
    expect(anyValueToPlain(JSON.parse(row.bodyJson) as OtlpAnyValue)).toEqual({ event: 'checkout', items: 3 });
    expect(row.bodyText).toBe('{"event":"checkout","items":3}');
  });
});

describe('parseNdjson', () => {
  it('rejects bad lines alone, with their line numbers, and keeps the rest', () => {
    const text = '{"msg":"a","service":"s1"}\n\nnot json\r\n[1,2]\n{"msg":"b","service":"s2"}\n{"msg":"c","service":"s1"}\n';
    const out = parseNdjson(text, NOW);
    expect(out.accepted).toBe(3);
    expect(out.rejected).toBe(2);
    expect(out.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(out.errors[1].error).toBe('not a JSON object');
    expect(out.groups.map((g) => [g.resource.serviceName, g.rows.map((r) => r.bodyText)])).toEqual([['s1', ['a', 'c']], ['s2', ['b']]]);
  });

  it('keeps integers beyond 2^53 exact', () => {
    const out = parseNdjson('{"msg":"x","big":12345678901234567890,"id":9007199254740993}', NOW);
    expect(attrs(out.groups[0].rows[0].attributesJson).map((a) => a.value)).toEqual([{ stringValue: '12345678901234567890' }, { intValue: '9007199254740993' }]);
  });

  it('rejects a line nested too deeply instead of failing the request', () => {
    const deep = '{"msg":"x","a":' + '['.repeat(200) + ']'.repeat(200) + '}';
    const out = parseNdjson(`${deep}\n{"msg":"ok"}`, NOW);
    expect([out.accepted, out.rejected]).toEqual([1, 1]);
  });

  it('property: every non-blank line is either accepted or rejected, objects always accepted', () => {
    const objectLine = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })).map((o) => ({ text: JSON.stringify(o), ok: true }));
    const brokenLine = fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n') && s.trim() !== '')
      .map((s) => {
        let ok = false;
        try { const v: unknown = JSON.parse(s); ok = typeof v === 'object' && v !== null && !Array.isArray(v); } catch { ok = false; }
        return { text: s, ok };
      });
    fc.assert(fc.property(fc.array(fc.oneof(objectLine, brokenLine), { maxLength: 30 }), (lines) => {
      const out = parseNdjson(lines.map((l) => l.text).join('\n'), NOW);
      expect(out.accepted).toBe(lines.filter((l) => l.ok).length);
      expect(out.rejected).toBe(lines.length - out.accepted);
      expect(out.groups.reduce((n, g) => n + g.rows.length, 0)).toBe(out.accepted);
      for (const g of out.groups) for (const r of g.rows) JSON.parse(r.attributesJson);
    }), { numRuns: 300 });
  });
});
