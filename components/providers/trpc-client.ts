'use client';

import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';

/**
 * The browser's tRPC client. It lives here rather than in lib/ because it binds to the server's router
 * type (lib/ imports no project code); components import `useTRPC` from this file.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export const TRPC_ENDPOINT = '/api/trpc';

export function createSightlineTRPCClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: TRPC_ENDPOINT, transformer: superjson })],
  });
}
