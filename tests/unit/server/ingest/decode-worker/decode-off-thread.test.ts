import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOffThread, startDecodeWorker } from '@/server/ingest/decode-worker/decode-off-thread';
import { decodeSignal } from '@/server/ingest/decode-worker/decode-signal';
import { OtlpDecodeError } from '@/server/ingest/otlp/common/errors';
import { codecs } from '@/server/ingest/otlp/common/schema';
import { decodeMetrics } from '@/server/ingest/otlp/decode';
import { unpackMetricColumns } from '@/server/store/metric-columns';
import type { MetricColumns, ScopedRows } from '@/server/store/rows';
import { logRequest, metricRequest, spanRequest } from '../../../../bench/support/payloads';

// The real worker: its entry bundled as scripts/lib/prepare.mjs bundles it for the server, inside the
// project so that its external packages resolve from node_modules as they do for .next/sightline.
fs.mkdirSync(path.join(process.cwd(), 'node_modules', '.cache'), { recursive: true });
const dir = fs.mkdtempSync(path.join(process.cwd(), 'node_modules', '.cache', 'sightline-decode-worker-'));
const workerFile = path.join(dir, 'decode-worker.cjs');
const baseNs = 1_800_000_000_000_000_000n;
// Encoded once (the payloads have random ids); each call gets its own copy, since decoding off the
// thread moves the bytes away.
const traces = codecs.traceRequest.encode(codecs.traceRequest.fromObject(spanRequest(1, 64, baseNs))).finish();
const logs = codecs.logsRequest.encode(codecs.logsRequest.fromObject(logRequest(2, 64, baseNs))).finish();
const metrics = codecs.metricsRequest.encode(codecs.metricsRequest.fromObject(metricRequest(3, 64, 16, baseNs))).finish();
const traceBody = () => new Uint8Array(traces);
const metricBody = () => new Uint8Array(metrics);
const logBody = () => new Uint8Array(logs);

beforeAll(() => {
  buildSync({
    absWorkingDir: process.cwd(), entryPoints: ['server/ingest/decode-worker/worker-main.ts'], outfile: workerFile,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'error',
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('decoding OTLP bodies off the main thread', () => {
  it('decodes inline, with the same answers, while no worker runs', async () => {
    expect(await decodeOffThread('traces', traceBody(), 'protobuf')).toEqual(decodeSignal('traces', traceBody(), 'protobuf'));
    await expect(decodeOffThread('logs', new Uint8Array([0xff, 0xff]), 'protobuf')).rejects.toBeInstanceOf(OtlpDecodeError);
  });

  it('gives the worker’s rows, identical to decoding inline (bigint times included)', async () => {
    expect(startDecodeWorker(workerFile)).toBe(true);
    const [spanRows, logRows] = await Promise.all([decodeOffThread('traces', traceBody(), 'protobuf'), decodeOffThread('logs', logBody(), 'protobuf')]);
    expect(spanRows).toEqual(decodeSignal('traces', traceBody(), 'protobuf'));
    expect(logRows).toEqual(decodeSignal('logs', logBody(), 'protobuf'));
    expect(typeof (spanRows.groups[0].rows[0] as { startTimeUnixNano: unknown }).startTimeUnixNano).toBe('bigint');
  });

  it('sends metric points back as columns (typed arrays survive the clone) that read back as the decoder’s rows', async () => {
    const decoded = await decodeOffThread('metrics', metricBody(), 'protobuf');
    expect(decoded).toEqual(decodeSignal('metrics', metricBody(), 'protobuf'));
    const groups = decoded.groups as ScopedRows<MetricColumns>[];
    expect(groups[0].rows.map((m) => m.points.constructor.name)).toEqual(['Object', 'Object']);
    expect((groups[0].rows[0].points as { timeUnixNano: unknown }).timeUnixNano).toBeInstanceOf(BigUint64Array);
    const rows = decodeMetrics(metricBody(), 'protobuf').groups[0].rows;
    expect(rows).toHaveLength(64);
    expect(unpackMetricColumns(groups[0].rows)).toEqual(rows);
  });

  it('rejects a bad body with the decoder’s own error and message, and keeps serving', async () => {
    const bad = new TextEncoder().encode('{"resourceSpans": 5}');
    const inline = (() => { try { decodeSignal('traces', bad, 'json'); } catch (err) { return err as Error; } })();
    const offThread = await decodeOffThread('traces', new TextEncoder().encode('{"resourceSpans": 5}'), 'json').catch((err: Error) => err);
    expect(offThread).toBeInstanceOf(OtlpDecodeError);
    expect((offThread as Error).message).toBe(inline!.message);
    expect((await decodeOffThread('traces', traceBody(), 'protobuf')).groups).toHaveLength(1);
  });

  it('copies a body that is a view into a shared buffer instead of moving the whole buffer', async () => {
    const pool = new Uint8Array(traces.length + 200);
    pool.set(traces, 100);
    const view = pool.subarray(100, 100 + traces.length);
    expect((await decodeOffThread('traces', view, 'protobuf')).groups).toHaveLength(1);
    expect(pool.byteLength).toBe(traces.length + 200); // not detached: the worker got a copy
  });
});
