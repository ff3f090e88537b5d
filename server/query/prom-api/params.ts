import { parsePromDuration, parsePromTime } from '@/lib/prom-time';
import { invalidParam } from './errors';

/**
 * Request parameters as Go's http.Request.Form holds them: the form body of a POST
 * (`application/x-www-form-urlencoded`) first, then the URL query. An empty value counts as absent,
 * as Prometheus tests `r.FormValue(x) != ""`.
 */
export class PromParams {
  constructor(private readonly form: URLSearchParams, private readonly query: URLSearchParams) {}

  static fromUrl(url: string | URL, form: string | URLSearchParams = ''): PromParams {
    return new PromParams(new URLSearchParams(form), new URL(url, 'http://localhost').searchParams);
  }

  /** First value, or undefined when missing or empty. */
  get(name: string): string | undefined {
    const v = this.form.get(name) ?? this.query.get(name);
    return v === null || v === '' ? undefined : v;
  }

  /** Every value of a repeated parameter (`match[]`), body first. */
  getAll(name: string): string[] {
    return [...this.form.getAll(name), ...this.query.getAll(name)];
  }
}

export async function readPromParams(request: Request): Promise<PromParams> {
  const url = new URL(request.url);
  let form = '';
  const type = request.headers.get('content-type') ?? '';
  if (request.method === 'POST' && type.toLowerCase().startsWith('application/x-www-form-urlencoded')) form = await request.text();
  return new PromParams(new URLSearchParams(form), url.searchParams);
}

/** `<rfc3339 | unix_timestamp>` → epoch ms, or the default when absent. */
export function timeParam(p: PromParams, name: string, fallback: number): number {
  const v = p.get(name);
  if (v === undefined) return fallback;
  try {
    return parsePromTime(v);
  } catch (err) {
    throw invalidParam(name, err);
  }
}

/** A required time (query_range's start and end): absent is an error, as in Prometheus. */
export function requiredTimeParam(p: PromParams, name: string): number {
  try {
    return parsePromTime(p.get(name) ?? '');
  } catch (err) {
    throw invalidParam(name, err);
  }
}

/** `<duration | float seconds>` → ms, or undefined when absent. */
export function durationParam(p: PromParams, name: string): number | undefined {
  const v = p.get(name);
  if (v === undefined) return undefined;
  try {
    return parsePromDuration(v);
  } catch (err) {
    throw invalidParam(name, err);
  }
}

/** `limit`: a non-negative integer; 0 (or absent) means no limit. */
export function limitParam(p: PromParams, name = 'limit'): number {
  const v = p.get(name);
  if (v === undefined) return 0;
  if (!/^[+-]?\d+$/.test(v)) throw invalidParam(name, new Error(`strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`));
  const n = Number(v);
  if (n < 0) throw invalidParam(name, new Error('limit must be non-negative'));
  return n;
}
