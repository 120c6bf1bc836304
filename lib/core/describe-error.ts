// lib/core/describe-error.ts — one line about any thrown value and its causes, for logs.

/**
 * `Name: message ← cause ← cause…` for an `Error` (the name only when not a plain Error), or
 * the value as text.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const head = error.name === "Error" ? error.message : `${error.name}: ${error.message}`;
  return error.cause === undefined ? head : `${head} ← ${describeError(error.cause)}`;
}
