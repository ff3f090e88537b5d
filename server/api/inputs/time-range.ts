import { z } from 'zod';
import { isTimeExpression } from '@/lib/time-range';

const TIME_EXPRESSION_HINT = 'Use "now", "now-<n><unit>" (s, m, h, d, w) or epoch milliseconds';

export const timeExpressionSchema = z
  .string()
  .trim()
  .max(32)
  .refine(isTimeExpression, { message: TIME_EXPRESSION_HINT });

/** `{ from, to }` as Grafana-style expressions; that `from` precedes `to` is checked when resolved against now. */
export const timeRangeInputSchema = z.object({ from: timeExpressionSchema, to: timeExpressionSchema });
