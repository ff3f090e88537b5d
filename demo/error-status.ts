/**
 * Carries a handler's error message over to the HTTP server span.
 *
 * instrumentation-http sets the server span status to ERROR *without* a message
 * when it sees a 5xx, overwriting anything a handler set. The server remembers
 * the message here, and telemetry.ts re-applies it from the instrumentation's
 * `applyCustomAttributesOnSpan` hook, which runs after that overwrite.
 */
const messages = new WeakMap<object, string>();

export function rememberErrorMessage(response: object, message: string): void {
  messages.set(response, message);
}

export function errorMessageFor(response: object): string | undefined {
  return messages.get(response);
}
