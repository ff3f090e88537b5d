import { QueryClient, isServer } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';

/** Retry once on network and server errors; a 4xx (bad input) will not get better by asking again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const httpStatus: unknown = error.data?.httpStatus;
    if (typeof httpStatus === 'number' && httpStatus < 500) return false;
  }
  return failureCount < 1;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Pages poll on their own interval; a short staleTime avoids refetching on every remount.
        staleTime: 5_000,
        retry: shouldRetry,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server render (no cross-request sharing); one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
