/**
 * Adaptive duration text for nanosecond values. The rule (input first rounded to a whole ns):
 * - below 1 µs: whole ns                                 850 → "850 ns", 0 → "0 ns"
 * - below 1 ms: µs, exact to the ns (up to 3 decimals)   1_500 → "1.5 µs", 123_456 → "123.456 µs",
 *                                                        999_999 → "999.999 µs"
 * - below 60 s: ms or s to 3 significant digits          1_234_567 → "1.23 ms", 2_500_000_000 → "2.5 s"
 *   (a value that rounds up to 1000 ms reads "1 s"; one that rounds to 60 s reads "1 m")
 * - from 60 s: whole minutes and seconds                 90_400_000_000 → "1 m 30 s", 120 s → "2 m"
 * Trailing zeros after the decimal point are dropped; negative values get a leading "-"; a non-finite
 * value reads "–". Rounding is half-up on integers, so there is no binary floating-point drift.
 *
 * `resolutionNs` (used for axis ticks) replaces the 3 significant digits from 1 ms up by as many
 * decimals as it takes to tell apart values that are multiples of resolutionNs (1.2345 ms with a 500 ns
 * step), and adds the same decimals to the seconds of the minute form.
 */

export interface FormatDurationOptions {
  /** Smallest difference the text must show, ns (e.g. the tick step). */
  resolutionNs?: number;
}

const NS_PER_US = 1_000;
const NS_PER_MS = 1_000_000;
const NS_PER_S = 1_000_000_000;
const NS_PER_MIN = 60 * NS_PER_S;

/** `quanta` read as a decimal with `decimals` digits after the point, trailing zeros removed. */
function decimalText(quanta: number, decimals: number): string {
  if (decimals === 0) return String(quanta);
  const digits = String(quanta).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Whole multiples of unitNs / 10^decimals nearest to ns (half up). unitNs / 10^decimals is an integer. */
function quantize(ns: number, unitNs: number, decimals: number): number {
  return Math.round(ns / (unitNs / 10 ** decimals));
}

/** Decimals (at most log10(unitNs)) needed so one last-digit step of unitNs is <= resolutionNs. */
function decimalsForResolution(unitNs: number, resolutionNs: number): number {
  let decimals = 0;
  let quantum = unitNs;
  while (quantum > resolutionNs && quantum > 1) {
    quantum /= 10;
    decimals++;
  }
  return decimals;
}

/** 3 significant digits for a value in [1, 1000) of its unit. */
function significantDecimals(ns: number, unitNs: number): number {
  const value = ns / unitNs;
  return value < 10 ? 2 : value < 100 ? 1 : 0;
}

function formatMinutes(ns: number, resolutionNs: number | undefined): string {
  const decimals = resolutionNs === undefined ? 0 : decimalsForResolution(NS_PER_S, resolutionNs);
  const quanta = quantize(ns, NS_PER_S, decimals);
  const perMinute = 60 * 10 ** decimals;
  const minutes = Math.floor(quanta / perMinute);
  const rest = quanta - minutes * perMinute;
  return rest === 0 ? `${minutes} m` : `${minutes} m ${decimalText(rest, decimals)} s`;
}

function formatNonNegative(ns: number, resolutionNs: number | undefined): string {
  if (ns < NS_PER_US) return `${ns} ns`;
  if (ns < NS_PER_MS) return `${decimalText(ns, 3)} µs`;
  if (ns >= NS_PER_MIN) return formatMinutes(ns, resolutionNs);
  const unitNs = ns < NS_PER_S ? NS_PER_MS : NS_PER_S;
  const decimals =
    resolutionNs === undefined ? significantDecimals(ns, unitNs) : decimalsForResolution(unitNs, resolutionNs);
  const quanta = quantize(ns, unitNs, decimals);
  const limit = (unitNs === NS_PER_MS ? 1_000 : 60) * 10 ** decimals;
  if (quanta >= limit) {
    // Rounded up into the next unit (999.9996 ms → 1 s, 59.96 s → 1 m).
    return unitNs === NS_PER_MS ? formatNonNegative(NS_PER_S, resolutionNs) : formatMinutes(NS_PER_MIN, resolutionNs);
  }
  return `${decimalText(quanta, decimals)} ${unitNs === NS_PER_MS ? 'ms' : 's'}`;
}

export function formatDurationNs(ns: number, options: FormatDurationOptions = {}): string {
  if (!Number.isFinite(ns)) return '–';
  const rounded = Math.round(Math.abs(ns));
  const resolution = options.resolutionNs !== undefined && options.resolutionNs > 0 ? options.resolutionNs : undefined;
  const text = formatNonNegative(rounded, resolution);
  return ns < 0 && rounded !== 0 ? `-${text}` : text;
}
