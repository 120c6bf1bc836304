// lib/express/request-types.ts — what the library adds to Express's Request, by declaration merging.

import type { SmsEvent } from "../core/events.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own merge point.
  namespace Express {
    interface Request {
      /**
       * The verified, de-duplicated, normalized webhook event. Set by `smsWebhook` (or the
       * `normalize` step) before your handler runs; absent on routes without it.
       * Narrow it with `switch (req.smsEvent.type)`.
       */
      smsEvent: SmsEvent;
      /** The body's exact bytes, when `captureRawBody` or `rawBody()` kept them. */
      rawBody?: Buffer;
    }
  }
}

export {};
