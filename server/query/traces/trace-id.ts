const TRACE_ID = /^[0-9a-fA-F]{32}$/;

/** Why `traceId` is not a usable W3C trace id (32 hex, not all zero), or null when it is. */
export function traceIdProblem(traceId: string): string | null {
  if (!TRACE_ID.test(traceId) || /^0+$/.test(traceId)) {
    return `trace id must be 32 hex characters, not all zero; got "${traceId.slice(0, 64)}"`;
  }
  return null;
}
