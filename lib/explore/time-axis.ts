/**
 * X-axis ticks for time series: nice intervals (1 s … 7 d) aligned to the local clock, and their labels.
 * The time-zone offset is passed in so this stays pure (callers use -Date#getTimezoneOffset() minutes).
 */
import { NICE_STEPS_S } from './step';

/** Tick times (epoch ms) inside [fromMs, toMs], at most `maxTicks`, on multiples of a nice interval in local time. */
export function timeTicks(fromMs: number, toMs: number, maxTicks: number, tzOffsetMs = 0): { ticks: number[]; intervalMs: number } {
  const span = toMs - fromMs;
  if (!(span > 0) || maxTicks < 1) return { ticks: [], intervalMs: 0 };
  let intervalMs = NICE_STEPS_S[NICE_STEPS_S.length - 1] * 1000;
  for (const s of NICE_STEPS_S) {
    if (span / (s * 1000) <= maxTicks) { intervalMs = s * 1000; break; }
  }
  while (span / intervalMs > maxTicks) intervalMs *= 2;
  const ticks: number[] = [];
  const first = Math.ceil((fromMs + tzOffsetMs) / intervalMs) * intervalMs - tzOffsetMs;
  for (let t = first; t <= toMs; t += intervalMs) ticks.push(t);
  return { ticks, intervalMs };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Label of a tick: `HH:mm:ss` under a minute's interval, `HH:mm` under a day's, `MM-DD` (plus time when not midnight) beyond; local time. */
export function formatTimeTick(ms: number, intervalMs: number, spanMs: number): string {
  const d = new Date(ms);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (intervalMs >= 86_400_000) return day;
  if (intervalMs < 60_000) return `${hm}:${pad(d.getSeconds())}`;
  if (spanMs > 86_400_000) return d.getHours() === 0 && d.getMinutes() === 0 ? day : hm;
  return hm;
}

/** Full local time for tooltips: `YYYY-MM-DD HH:mm:ss`. */
export function formatInstant(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
