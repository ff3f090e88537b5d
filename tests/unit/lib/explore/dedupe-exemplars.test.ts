import { describe, expect, it } from 'vitest';
import { dedupeExemplars } from '@/lib/explore/dedupe-exemplars';
import type { ExemplarPoint } from '@/lib/explore/exemplars';
import type { ChartRow } from '@/lib/explore/series';

const ex = (queryIndex: number, seriesId: string | null, traceId = 'a'.repeat(32), t = 1000, value = 0.9): ExemplarPoint => ({
  key: `${queryIndex}:${traceId}`, traceId, spanId: '1'.repeat(16), t, value, queryIndex, seriesId, group: seriesId ?? `q${queryIndex}`, seriesLabels: {},
});

describe('dedupeExemplars', () => {
  const rows = [{ t: 1000, q0s0: 0.1, q1s0: 0.5, q2s0: 1.0 }] as ChartRow[];

  it('keeps one copy per trace, span and time, on the series closest in value', () => {
    const out = dedupeExemplars([ex(0, 'q0s0'), ex(1, 'q1s0'), ex(2, 'q2s0')], rows);
    expect(out.map((e) => e.seriesId)).toEqual(['q2s0']);
  });

  it('keeps distinct exemplars, and a copy without a series only when nothing better exists', () => {
    const out = dedupeExemplars([ex(0, null), ex(1, 'q1s0'), ex(0, 'q0s0', 'b'.repeat(32))], rows);
    expect(out.map((e) => `${e.traceId[0]}:${e.seriesId}`).sort()).toEqual(['a:q1s0', 'b:q0s0']);
  });
});
