/**
 * Two kinds of failure while decoding an OTLP request:
 * - `OtlpDecodeError`: the body as a whole is unusable (not protobuf, not JSON, wrong top-level shape).
 *   The HTTP layer answers 400 with its message.
 * - `ItemRejection`: one span / log record / data point is invalid. Converters throw it from deep
 *   inside a field accessor and catch it at the item boundary, where it is counted in `Rejections`;
 *   the rest of the request is kept (OTLP partial success).
 */

export class OtlpDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtlpDecodeError';
  }
}

/**
 * Deliberately not an Error subclass: hostile payloads may contain thousands of invalid items, and
 * capturing a stack trace per rejection would dominate decode time. Never escapes the converters.
 */
export class ItemRejection {
  constructor(readonly reason: string) {}
}

/** How many rejection reasons are kept for partial_success.error_message. */
export const MAX_REJECTION_REASONS = 5;

/** Counts rejected items and keeps the first few distinct reasons. */
export class Rejections {
  rejected = 0;
  readonly reasons: string[] = [];

  add(count: number, reason: string): void {
    if (count <= 0) return;
    this.rejected += count;
    if (this.reasons.length < MAX_REJECTION_REASONS && !this.reasons.includes(reason)) {
      this.reasons.push(reason);
    }
  }

  /** Records `error` if it is an item rejection; rethrows anything else (a bug or a body-level error). */
  addError(count: number, error: unknown, what: string): void {
    if (!(error instanceof ItemRejection)) throw error;
    this.add(count, `${what}: ${error.reason}`);
  }
}
