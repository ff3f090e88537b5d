/**
 * Bounds the bytes of request bodies being read and decoded at once, so a burst of large requests
 * is answered 503 instead of growing memory. (The write queue bounds what waits for the database.)
 */
const KEY = Symbol.for('sightline.inflightBodyBytes');
type Holder = { [KEY]?: { bytes: number } };

/** Bytes of bodies in flight across all receivers before new requests get 503. */
export const MAX_INFLIGHT_BODY_BYTES = 256 * 1024 * 1024;

function state(): { bytes: number } {
  const holder = globalThis as Holder;
  holder[KEY] ??= { bytes: 0 };
  return holder[KEY];
}

/** Reserves room for a body of `declaredBytes` (20 MiB when unknown); null when there is none. */
export function admit(declaredBytes: number): { release: () => void } | null {
  const s = state();
  const reserve = Number.isFinite(declaredBytes) && declaredBytes >= 0 ? declaredBytes : 20 * 1024 * 1024;
  if (s.bytes > 0 && s.bytes + reserve > MAX_INFLIGHT_BODY_BYTES) return null;
  s.bytes += reserve;
  let released = false;
  return {
    release: () => {
      if (!released) s.bytes -= reserve;
      released = true;
    },
  };
}
