/**
 * Date functions (UTC), computed from epoch seconds with integer civil-calendar arithmetic
 * rather than Date, so any timestamp Go's time package handles within 2^53 seconds works.
 */

interface Civil { year: number; month: number; day: number; dayOfYear: number; weekday: number; hour: number; minute: number }

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Howard Hinnant's civil_from_days. */
function civil(seconds: number): Civil {
  const days = Math.floor(seconds / 86400);
  const secOfDay = seconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  let dayOfYear = day;
  for (let m = 1; m < month; m++) dayOfYear += daysInMonth(year, m);
  const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return { year, month, day, dayOfYear, weekday, hour: Math.floor(secOfDay / 3600), minute: Math.floor((secOfDay % 3600) / 60) };
}

export const DATE_FUNCTIONS: Readonly<Record<string, (c: Civil) => number>> = {
  year: (c) => c.year,
  month: (c) => c.month,
  day_of_month: (c) => c.day,
  day_of_year: (c) => c.dayOfYear,
  day_of_week: (c) => c.weekday,
  days_in_month: (c) => daysInMonth(c.year, c.month),
  hour: (c) => c.hour,
  minute: (c) => c.minute,
};

/**
 * Applies a date function to a value in seconds, truncated to whole seconds as Go's
 * time.Unix(int64(v), 0) does. Non-finite values have no defined date: NaN.
 */
export function dateOf(func: string, seconds: number): number {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 2 ** 53) return NaN;
  return DATE_FUNCTIONS[func](civil(Math.trunc(seconds)));
}
