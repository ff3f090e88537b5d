import { z } from 'zod';
import { SEVERITY_LEVELS } from '@/lib/log-severity';
import { attributeFilterSchema } from './attribute-filter';

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${length}}$`), `must be ${length} hex characters`);

/** Log filters shared by logs.search, logs.histogram and the live tail (app/api/logs/tail). */
export const logFilterSchema = z.object({
  q: z.string().max(1000).optional(),
  mode: z.enum(['words', 'substring']).optional(),
  service: z.string().max(256).optional(),
  severities: z.array(z.enum(SEVERITY_LEVELS)).max(SEVERITY_LEVELS.length).optional(),
  attributes: z.array(attributeFilterSchema).max(20).optional(),
  traceId: hex(32).optional(),
  spanId: hex(16).optional(),
});

/** A keyset cursor: the last record's timestamp (unix ns, decimal) and id. */
export const logCursorSchema = z.object({
  timestampUnixNano: z.union([z.bigint().nonnegative(), z.string().regex(/^\d{1,20}$/, 'must be unix nanoseconds').transform((s) => BigInt(s))]),
  id: z.number().int().min(0),
});
