import { describe, expect, it } from 'vitest';
import {
  barGeometry,
  buildTraceTree,
  eventMarkers,
  selectionFromWindow,
  traceWindow,
  windowFromSelection,
} from '@/lib/trace-model';
import { span } from './spans';

const view = { startNs: 1_000, endNs: 2_000 };

describe('barGeometry', () => {
  it('places a span inside the window in percent', () => {
    expect(barGeometry({ startNs: 1_250, durationNs: 500 }, view)).toEqual({
      leftPct: 25,
      widthPct: 50,
      clippedLeft: false,
      clippedRight: false,
      visible: true,
    });
  });

  it('clips a span overflowing either side of the window', () => {
    expect(barGeometry({ startNs: 500, durationNs: 1_000 }, view)).toEqual({
      leftPct: 0,
      widthPct: 50,
      clippedLeft: true,
      clippedRight: false,
      visible: true,
    });
    expect(barGeometry({ startNs: 1_900, durationNs: 1_000 }, view)).toMatchObject({
      leftPct: 90,
      widthPct: 10,
      clippedLeft: false,
      clippedRight: true,
    });
    expect(barGeometry({ startNs: 0, durationNs: 5_000 }, view)).toMatchObject({
      leftPct: 0,
      widthPct: 100,
      clippedLeft: true,
      clippedRight: true,
      visible: true,
    });
  });

  it('hides spans outside the window', () => {
    expect(barGeometry({ startNs: 0, durationNs: 1_000 }, view)).toEqual({
      leftPct: 0,
      widthPct: 0,
      clippedLeft: true,
      clippedRight: false,
      visible: false,
    });
    expect(barGeometry({ startNs: 2_500, durationNs: 10 }, view, 1)).toMatchObject({
      leftPct: 100,
      widthPct: 0,
      clippedRight: true,
      visible: false,
    });
  });

  it('gives zero-length and tiny spans the minimum width, kept inside the window', () => {
    expect(barGeometry({ startNs: 1_500, durationNs: 0 }, view, 0.5)).toMatchObject({ leftPct: 50, widthPct: 0.5, visible: true });
    expect(barGeometry({ startNs: 1_500, durationNs: 0 }, view)).toMatchObject({ leftPct: 50, widthPct: 0, visible: true });
    expect(barGeometry({ startNs: 2_000, durationNs: 0 }, view, 2)).toMatchObject({ leftPct: 98, widthPct: 2, visible: true });
    expect(barGeometry({ startNs: 1_000, durationNs: 1 }, view, 2)).toMatchObject({ leftPct: 0, widthPct: 2 });
    expect(barGeometry({ startNs: 1_000, durationNs: 100 }, view, 2)).toMatchObject({ leftPct: 0, widthPct: 10 });
  });

  it('survives a zero-width window', () => {
    expect(barGeometry({ startNs: 5, durationNs: 0 }, { startNs: 5, endNs: 5 }, 1)).toMatchObject({
      leftPct: 0,
      widthPct: 1,
      visible: true,
    });
  });
});

describe('eventMarkers', () => {
  it('positions events from the span start and drops those outside the window', () => {
    const markers = eventMarkers(
      {
        startNs: 1_100,
        events: [
          { name: 'early', offsetNs: -200 },
          { name: 'start', offsetNs: 0 },
          { name: 'mid', offsetNs: 400 },
          { name: 'edge', offsetNs: 900 },
          { name: 'late', offsetNs: 901 },
        ],
      },
      view,
    );
    expect(markers).toEqual([
      { index: 1, name: 'start', offsetNs: 0, atNs: 1_100, pct: 10 },
      { index: 2, name: 'mid', offsetNs: 400, atNs: 1_500, pct: 50 },
      { index: 3, name: 'edge', offsetNs: 900, atNs: 2_000, pct: 100 },
    ]);
  });
});

describe('view windows', () => {
  const full = { startNs: 0, endNs: 10_000 };

  it('spans the whole trace', () => {
    const tree = buildTraceTree([span('a', null, 0, 50), span('b', 'a', 10, 90), span('o', 'gone', 30, 5)]);
    expect(traceWindow(tree)).toEqual({ startNs: 0, endNs: 100 });
    expect(traceWindow(buildTraceTree([]))).toEqual({ startNs: 0, endNs: 0 });
  });

  it('zooms to a minimap selection dragged either way, clamped to the trace', () => {
    expect(windowFromSelection(full, 20, 30)).toEqual({ startNs: 2_000, endNs: 3_000 });
    expect(windowFromSelection(full, 30, 20)).toEqual({ startNs: 2_000, endNs: 3_000 });
    expect(windowFromSelection(full, -10, 150)).toEqual(full);
    expect(windowFromSelection(full, 12.345, 12.35)).toEqual({ startNs: 1_235, endNs: 1_235 + 1 });
  });

  it('widens a too-narrow selection around its middle without leaving the trace', () => {
    expect(windowFromSelection(full, 50, 50, 100)).toEqual({ startNs: 4_950, endNs: 5_050 });
    expect(windowFromSelection(full, 0, 0, 100)).toEqual({ startNs: 0, endNs: 100 });
    expect(windowFromSelection(full, 100, 100, 100)).toEqual({ startNs: 9_900, endNs: 10_000 });
    expect(windowFromSelection(full, 40, 60, 1_000_000)).toEqual(full);
  });

  it('maps a window back to minimap percentages', () => {
    expect(selectionFromWindow(full, { startNs: 2_500, endNs: 7_500 })).toEqual({ fromPct: 25, toPct: 75 });
    expect(selectionFromWindow(full, { startNs: -5, endNs: 20_000 })).toEqual({ fromPct: 0, toPct: 100 });
  });
});
