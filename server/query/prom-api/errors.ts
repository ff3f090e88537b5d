/**
 * Prometheus API errors: `{"status":"error","errorType":"bad_data","error":"…"}` with the HTTP
 * status Prometheus uses for each type (web/api/v1/api.go respondError).
 */

export type PromErrorType = 'bad_data' | 'execution' | 'timeout' | 'canceled' | 'internal' | 'not_found' | 'unavailable';

export const ERROR_STATUS: Record<PromErrorType, number> = {
  bad_data: 400, execution: 422, canceled: 499, timeout: 503, internal: 500, not_found: 404, unavailable: 503,
};

export class PromApiError extends Error {
  constructor(readonly errorType: PromErrorType, message: string) {
    super(message);
    this.name = 'PromApiError';
  }
}

/** `invalid parameter "<name>": <reason>`, as Prometheus words a bad parameter. */
export function invalidParam(name: string, err: unknown): PromApiError {
  return new PromApiError('bad_data', `invalid parameter ${JSON.stringify(name)}: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * Maps anything thrown by a verb to an API error. PromQLError (the engine's) keeps its type; it is
 * recognised by shape, since Next may bundle the class twice. Storage failures are `internal`;
 * anything else raised while evaluating is `execution`, Prometheus's default for query errors.
 */
export function toApiError(err: unknown): { errorType: PromErrorType; message: string } {
  if (err instanceof PromApiError) return { errorType: err.errorType, message: err.message };
  if (err instanceof Error) {
    const typed = err as Error & { errorType?: unknown; code?: unknown };
    if (typeof typed.errorType === 'string' && typed.errorType in ERROR_STATUS) {
      return { errorType: typed.errorType as PromErrorType, message: err.message };
    }
    if (err.name === 'SqliteError' || (typeof typed.code === 'string' && typed.code.startsWith('SQLITE_'))) {
      return { errorType: 'internal', message: err.message };
    }
    return { errorType: 'execution', message: err.message };
  }
  return { errorType: 'internal', message: String(err) };
}
