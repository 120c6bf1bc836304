// lib/express/settle-on-close.ts — commit or release a claim once the response is over.

import type { ServerResponse } from "node:http";
import type { Settle } from "../core/outcome.js";

/**
 * Calls `settle(true)` when the response was sent in full with a status below 500, and
 * `settle(false)` when it was >= 500 (the handler threw or failed) or the client left first.
 * Returns false, having released at once, when the client has left already (while a store or
 * a JWT check was being awaited): its 'close' has come and gone, and no handler should run.
 */
export function settleOnClose(res: ServerResponse, settle: Settle): boolean {
  if (res.destroyed) {
    void settle(false);
    return false;
  }
  // 'close' follows 'finish' for every response, and comes alone when the client disconnects.
  // `on`, not `once`: 'close' comes once anyway, and once() wraps the listener per request.
  res.on("close", () => {
    // 499 (as nginx logs it): the client left before the answer was sent.
    const status = res.writableFinished ? res.statusCode : 499;
    void settle(res.writableFinished && status < 500, status);
  });
  return true;
}
