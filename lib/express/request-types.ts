// lib/express/request-types.ts — what the library adds to Express's Request, by declaration merging.

import type { SmsEvent } from "../core/events.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own merge point.
  namespace Express {
    interface Request {
      /**
       * The verified, de-duplicated, normalized webhook event. Set by `smsWebhook` (or the
       * `normalize` step) before your handler runs; absent on routes without it, hence
       * optional. In a handler mounted after the middleware, `smsEventOf(req)` returns it typed
       * as present (and throws if the middleware did not run); `smsWebhook.router`'s `handler`
       * gets a `req` where it is present. Narrow it with `switch (event.type)`.
       */
      smsEvent?: SmsEvent;
      /** The body's exact bytes, when `captureRawBody` or `rawBody()` kept them. */
      rawBody?: Buffer;
    }
  }
}

export {};
