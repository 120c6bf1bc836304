// lib/testing/eventually.ts — waits for a store's lease or TTL to run out, no longer than needed.

import { setTimeout as sleep } from "node:timers/promises";

/**
 * Asks `probe` every few ms until it answers true, and throws `failure` if it has not by
 * `withinMs`. The contracts wait out a TTL this way: as strict as sleeping `withinMs` and then
 * checking once, but done as soon as the store has let go. `probe` must have no effect while it
 * answers false (a claim of a held key, a bind of a bound nonce).
 */
export async function eventually(
  withinMs: number,
  probe: () => Promise<boolean>,
  failure: string,
): Promise<void> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    const last = performance.now() >= deadline;
    if (await probe()) return;
    if (last) throw new Error(failure);
    await sleep(Math.min(5, Math.max(0, deadline - performance.now())));
  }
}
