/**
 * Retries `check` every `intervalMs` until it stops throwing, then returns its result; after
 * `timeoutMs` the last error is thrown. For effects that land asynchronously (scrapes, flushes).
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
