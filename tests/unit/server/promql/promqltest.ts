/**
 * A small interpreter for Prometheus's promqltest script format (promql/promqltest/testdata/*.test),
 * so cases can be ported from Prometheus verbatim: `load <interval>` blocks with series notation
 * (`0+10x10`, `_`, `stale`, `NaN`), `clear`, `eval instant at <t>`, `eval range from <a> to <b>
 * step <s>`, expected samples, `expect fail [msg:|regex:]`, `expect ordered`. Native-histogram
 * series (`{{…}}`) are skipped: this engine stores floats only. Values compare like promqltest
 * (relative tolerance 1e-6, NaN equals NaN).
 */
import { expect, it } from 'vitest';
import { instantQuery, rangeQuery } from '@/server/query/promql/engine';
import { labelsKey, labelsToString } from '@/server/query/promql/labels';
import type { Labels, QueryValue } from '@/server/query/promql/types';
import { MemorySource } from './memory-source';

const EPSILON = 1e-6;

export function parseDurationMs(s: string): number {
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  let total = 0;
  for (const m of s.matchAll(/(\d+)(ms|[ywdhms])/g)) {
    const unit = { y: 31536e6, w: 6048e5, d: 864e5, h: 36e5, m: 6e4, s: 1e3, ms: 1 }[m[2]]!;
    total += Number(m[1]) * unit;
  }
  return total;
}

function parseValue(s: string): number {
  if (/^[+-]?inf$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  return Number(s);
}

/** Parses `name{a="b"}` / `{a="b"}` / `name` at the start of a line; returns labels and the rest. */
export function parseSeriesHead(line: string): { labels: Labels; rest: string } {
  const labels: Labels = {};
  let i = 0;
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (name) {
    labels.__name__ = name[0];
    i = name[0].length;
  }
  if (line[i] === '{') {
    i++;
    for (;;) {
      while (/[\s,]/.test(line[i])) i++;
      if (line[i] === '}') { i++; break; }
      let key: string;
      const q = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(i));
      if (q) { key = JSON.parse(q[0]); i += q[0].length; } else {
        const k = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(i))!;
        key = k[0];
        i += key.length;
      }
      while (line[i] === ' ') i++;
      i++; // '='
      while (line[i] === ' ') i++;
      const v = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(i))!;
      labels[key] = JSON.parse(v[0]);
      i += v[0].length;
    }
  }
  return { labels, rest: line.slice(i).trim() };
}

type Point = number | null | 'stale';

/** Expands series notation into one entry per step (null = no sample). */
function expandValues(rest: string): Point[] {
  const out: Point[] = [];
  for (const tok of rest.split(/\s+/).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if (tok === '_') out.push(null);
    else if ((m = /^_x(\d+)$/.exec(tok))) for (let i = 0; i < Number(m[1]); i++) out.push(null);
    else if (tok === 'stale') out.push('stale');
    else if ((m = /^([+-]?(?:[\d.]+(?:e[+-]?\d+)?|Inf|NaN))([+-][\d.]+(?:e[+-]?\d+)?)?x(\d+)$/i.exec(tok))) {
      const start = parseValue(m[1]);
      const inc = m[2] ? Number(m[2]) : 0;
      for (let i = 0; i <= Number(m[3]); i++) out.push(start + inc * i);
    } else out.push(parseValue(tok));
  }
  return out;
}

interface Expected {
  labels: Labels | null; // null: a scalar
  values: Point[];
}

interface EvalCase {
  line: number;
  query: string;
  kind: 'instant' | 'range';
  at: number;
  end: number;
  step: number;
  expected: Expected[];
  fail: { msg?: string; regex?: RegExp } | null;
  ordered: boolean;
}

interface Step {
  load?: { interval: number; series: { labels: Labels; values: Point[] }[] };
  clear?: true;
  eval?: EvalCase;
}

export function parseScript(script: string): Step[] {
  const lines = script.split('\n');
  const steps: Step[] = [];
  let i = 0;
  const isBody = (l: string | undefined) => l !== undefined && /^\s+\S/.test(l);
  while (i < lines.length) {
    const line = lines[i].trim();
    const lineNo = i + 1;
    i++;
    if (line === '' || line.startsWith('#')) continue;
    if (line === 'clear') { steps.push({ clear: true }); continue; }
    let m: RegExpExecArray | null;
    if ((m = /^load(?:_with_nhcb)?\s+(\S+)/.exec(line))) {
      const series: { labels: Labels; values: Point[] }[] = [];
      while (isBody(lines[i])) {
        const body = lines[i++].trim();
        if (body.startsWith('#') || body.includes('{{')) continue;
        const { labels, rest } = parseSeriesHead(body);
        series.push({ labels, values: expandValues(rest) });
      }
      steps.push({ load: { interval: parseDurationMs(m[1]), series } });
      continue;
    }
    if ((m = /^(eval(?:_fail|_warn|_info|_ordered)?)\s+(instant at (\S+)|range from (\S+) to (\S+) step (\S+))\s+(.*)$/.exec(line))) {
      const c: EvalCase = {
        line: lineNo, query: m[7], kind: m[3] !== undefined ? 'instant' : 'range',
        at: parseDurationMs(m[3] ?? m[4]), end: parseDurationMs(m[3] ?? m[5]), step: m[6] ? parseDurationMs(m[6]) : 0,
        expected: [], fail: m[1] === 'eval_fail' ? {} : null, ordered: m[1] === 'eval_ordered',
      };
      while (isBody(lines[i])) {
        const body = lines[i++].trim();
        if (body.startsWith('#')) continue;
        let e: RegExpExecArray | null;
        if ((e = /^expect fail(?:\s+(msg|regex):\s*(.*))?$/.exec(body))) {
          c.fail = e[1] === 'msg' ? { msg: e[2].trim() } : e[1] === 'regex' ? { regex: new RegExp(e[2].trim()) } : {};
        } else if (body === 'expect ordered') c.ordered = true;
        else if (body.startsWith('expect ')) continue; // annotations (warn/info) are not modelled
        else if (/^[-+]?(\d|\.\d|Inf|NaN)/i.test(body)) c.expected.push({ labels: null, values: expandValues(body) });
        else {
          const { labels, rest } = parseSeriesHead(body);
          c.expected.push({ labels, values: expandValues(rest) });
        }
      }
      steps.push({ eval: c });
      continue;
    }
    throw new Error(`promqltest: cannot parse line ${lineNo}: ${line}`);
  }
  return steps;
}

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

function checkResult(c: EvalCase, result: QueryValue): void {
  const where = `line ${c.line}: ${c.query}`;
  if (result.type === 'scalar') {
    expect(c.expected.length, where).toBe(1);
    expect(close(result.value.v, c.expected[0].values[0] as number), `${where}: got ${result.value.v}`).toBe(true);
    return;
  }
  if (result.type === 'vector') {
    const got = result.value;
    expect(got.map((s) => labelsToString(s.labels)).sort(), where).toEqual(c.expected.map((e) => labelsToString(e.labels ?? {})).sort());
    const byKey = new Map(got.map((s) => [labelsKey(s.labels), s.sample.v]));
    for (const e of c.expected) {
      const v = byKey.get(labelsKey(e.labels ?? {}))!;
      expect(close(v, e.values[0] as number), `${where}: ${labelsToString(e.labels ?? {})} got ${v}, want ${e.values[0]}`).toBe(true);
    }
    if (c.ordered) {
      expect(got.map((s) => labelsToString(s.labels)), `${where} (order)`).toEqual(c.expected.map((e) => labelsToString(e.labels ?? {})));
    }
    return;
  }
  if (result.type === 'matrix' && c.kind === 'range') {
    const got = result.value;
    expect(got.map((s) => labelsToString(s.labels)).sort(), where).toEqual(c.expected.map((e) => labelsToString(e.labels ?? {})).sort());
    for (const e of c.expected) {
      const s = got.find((g) => labelsKey(g.labels) === labelsKey(e.labels ?? {}))!;
      const want: [number, number][] = [];
      e.values.forEach((v, i) => { if (typeof v === 'number') want.push([c.at + i * c.step, v]); });
      expect(s.samples.map((p) => p.t), `${where}: timestamps of ${labelsToString(s.labels)}`).toEqual(want.map((w) => w[0]));
      s.samples.forEach((p, i) => expect(close(p.v, want[i][1]), `${where}: ${labelsToString(s.labels)} @${p.t} got ${p.v}, want ${want[i][1]}`).toBe(true));
    }
    return;
  }
  throw new Error(`${where}: unexpected result type ${result.type}`);
}

/** Registers one vitest case per `eval` of the script, sharing one in-memory store. */
export function promqlScript(name: string, script: string): void {
  const steps = parseScript(script);
  const source = new MemorySource();
  // Loads and clears happen in script order, between the evals that precede and follow them.
  const ops: (() => void)[] = [];
  for (const step of steps) {
    if (step.clear) ops.push(() => source.clear());
    if (step.load) {
      const { interval, series } = step.load;
      ops.push(() => {
        for (const s of series) {
          const samples: [number, number][] = [];
          const stale: number[] = [];
          s.values.forEach((v, i) => {
            if (v === 'stale') stale.push(i * interval);
            else if (v !== null) samples.push([i * interval, v]);
          });
          source.add(s.labels, samples, stale);
        }
      });
    }
    if (step.eval) {
      const c = step.eval;
      const pending = ops.splice(0);
      it(`${name} L${c.line}: ${c.kind === 'instant' ? `@${c.at}` : `${c.at}..${c.end}/${c.step}`} ${c.query}`, () => {
        pending.forEach((op) => op());
        const run = () => (c.kind === 'instant' ? instantQuery(source, c.query, c.at) : rangeQuery(source, c.query, c.at, c.end, c.step));
        if (c.fail) {
          let err: Error | null = null;
          try { run(); } catch (e) { err = e as Error; }
          expect(err, `line ${c.line}: expected failure`).not.toBeNull();
          if (c.fail.msg) expect(err!.message).toBe(c.fail.msg);
          if (c.fail.regex) expect(err!.message).toMatch(c.fail.regex);
          return;
        }
        checkResult(c, run());
      });
    }
  }
}
