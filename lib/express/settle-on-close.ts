// lib/express/settle-on-close.ts — commit or release a claim once the response is over.

import type { ServerResponse } from "node:http";

/**
 * Calls `settle(true)` when the response was sent in full with a status below 500, and
 * `settle(false)` when it was >= 500 (the handler threw or failed) or the client left first.
 */
export function settleOnClose(
  res: ServerResponse,
  settle: (handled: boolean) => Promise<void>,
): void {
  // 'close' follows 'finish' for every response, and comes alone when the client disconnects.
  res.once("close", () => {
    void settle(res.writableFinished && res.statusCode < 500);
  });
}
