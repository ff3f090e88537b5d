import { z } from 'zod';

/** Unix-nanosecond bound as a decimal string (exact beyond 2^53). */
const nanos = z.string().regex(/^\d{1,19}$/, 'must be unix nanoseconds as a decimal integer').transform((s) => BigInt(s));

/** Query parameters of the OTLP/JSON export endpoints (GET /api/{logs,metrics}/otlp). */
export const otlpExportParams = z.object({
  service: z.string().min(1).optional(),
  traceId: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex characters').transform((s) => s.toLowerCase()).optional(),
  name: z.string().min(1).optional(),
  fromUnixNano: nanos.default(0n),
  toUnixNano: nanos.default(9223372036854775807n),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export type OtlpExportParams = z.infer<typeof otlpExportParams>;

export function parseExportParams(url: URL): { ok: true; params: OtlpExportParams } | { ok: false; message: string } {
  const parsed = otlpExportParams.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  return { ok: true, params: parsed.data };
}
