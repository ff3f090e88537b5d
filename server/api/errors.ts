import { TRPCError } from '@trpc/server';
import { LogQueryError } from '@/lib/log-search-query';
import { TimeRangeError } from '@/lib/time-range';
import { DashboardConflictError, DashboardInvalidError, DashboardNotFoundError } from '@/server/query/dashboards/errors';

/** Maps domain errors raised by query verbs to tRPC errors; unknown errors become INTERNAL_SERVER_ERROR. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof TimeRangeError || error instanceof LogQueryError) {
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  }
  if (error instanceof DashboardNotFoundError) return new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
  if (error instanceof DashboardConflictError) return new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
  if (error instanceof DashboardInvalidError) return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error', cause: error });
}

/** Runs a verb and rethrows its failure as a tRPC error, so routers stay one line per procedure. */
export async function callVerb<T>(verb: () => T | Promise<T>): Promise<T> {
  try {
    return await verb();
  } catch (error) {
    throw toTRPCError(error);
  }
}
