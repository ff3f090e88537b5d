/**
 * The body of `POST /api/annotations`: `time` (epoch ms as a number or digits, or an RFC 3339 string),
 * optional `timeEnd` (same forms, not before `time`), `text`, optional `tags` and `service`.
 * Output times are epoch milliseconds.
 */
import { z } from 'zod';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/** Epoch ms between 1970 and 2200: a seconds or nanoseconds value sent by mistake is refused, not misplaced. */
const MAX_MS = 7_258_118_400_000;

const timeSchema = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  let ms: number;
  if (typeof raw === 'number') ms = raw;
  else if (/^\d+$/.test(raw.trim())) ms = Number(raw.trim());
  else if (RFC3339.test(raw.trim())) ms = Date.parse(raw.trim());
  else {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a time: use epoch milliseconds or RFC 3339 (2026-01-02T03:04:05Z)` });
    return z.NEVER;
  }
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) {
    ctx.addIssue({ code: 'custom', message: `${raw} is out of range: times are epoch milliseconds` });
    return z.NEVER;
  }
  return Math.round(ms);
});

export const annotationInputSchema = z.object({
  time: timeSchema,
  timeEnd: timeSchema.optional(),
  text: z.string().trim().min(1, 'text must not be empty').max(2000),
  tags: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  service: z.string().trim().max(256).default(''),
}).strict().refine((a) => a.timeEnd === undefined || a.timeEnd >= a.time, { path: ['timeEnd'], message: 'timeEnd must not be before time' });

export interface AnnotationInput {
  timeMs: number;
  timeEndMs: number | null;
  text: string;
  tags: string[];
  serviceName: string;
}

export type AnnotationInputResult = { ok: true; value: AnnotationInput } | { ok: false; message: string };

/** Validates a parsed JSON body; the message names each bad field (`time: …; text: …`). */
export function parseAnnotationInput(body: unknown): AnnotationInputResult {
  const r = annotationInputSchema.safeParse(body);
  if (!r.success) {
    return { ok: false, message: r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') };
  }
  const a = r.data;
  return { ok: true, value: { timeMs: a.time, timeEndMs: a.timeEnd ?? null, text: a.text, tags: a.tags, serviceName: a.service } };
}
