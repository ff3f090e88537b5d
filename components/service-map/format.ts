import { formatCount } from '@/lib/format-number';
import { formatDurationNs } from '@/lib/trace-model/format-duration';

const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Requests per second: 3 significant digits below 100 ("12.3", "0.0417"), whole numbers above. */
export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0';
  if (perSecond < 0.001) return '<0.001';
  return perSecond < 100 ? SIGNIFICANT.format(perSecond) : formatCount(Math.round(perSecond));
}

/** "0%", "<0.1%", "1.2%", "100%"; never rounds a partial error rate up to 100% or down to 0%. */
export function formatErrorPercent(percent: number): string {
  if (percent === 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  const text = PERCENT.format(percent);
  return text === '100' && percent < 100 ? '>99.9%' : `${text}%`;
}

export function formatP95(ns: number | null): string {
  return ns === null ? '–' : formatDurationNs(ns);
}

interface Stats {
  requestCount: number;
  ratePerSecond: number;
  errorPercent: number;
  p95Ns: number | null;
}

/** "12.3 req/s, 1.2% errors, p95 45 ms", or "no requests" when nothing was received. */
export function describeStats(s: Stats): string {
  if (s.requestCount === 0) return 'no requests';
  return `${formatRate(s.ratePerSecond)} req/s, ${formatErrorPercent(s.errorPercent)} errors, p95 ${formatP95(s.p95Ns)}`;
}
