import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';

/** Per-request context. Empty for now; auth and request-scoped values land here later. */
export function createTRPCContext(_opts: { headers: Headers }): Record<string, never> {
  return {};
}

export type TRPCContext = ReturnType<typeof createTRPCContext>;

function describeZodError(error: z.ZodError): string {
  const issues = error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  return `Invalid input: ${issues.join('; ')}`;
}

const t = initTRPC.context<TRPCContext>().create({
  // superjson so bigint nanosecond timestamps and Dates cross the wire intact.
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? error.cause : null;
    return {
      ...shape,
      // zod's default message is a JSON dump of its issues; give clients one readable line instead.
      message: zodError ? describeZodError(zodError) : shape.message,
      data: { ...shape.data, zodError: zodError ? z.flattenError(zodError) : null },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
