// lib/express/catch-rejections.ts — a handler's rejected promise goes to next(), on Express 4 too.

import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Wraps a route handler so that the promise an `async` handler returns, if it rejects, is
 * passed to `next(error)` — as Express 5 does by itself, and Express 4 does not (there the
 * rejection goes unhandled and ends the process).
 */
export function catchRejections(handler: RequestHandler): RequestHandler {
  const caught = (req: Request, res: Response, next: NextFunction): void => {
    const result: unknown = handler(req, res, next);
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
      (result as PromiseLike<unknown>).then(undefined, (error: unknown) => {
        // Express 5 says the same of a promise rejected with nothing.
        next(error ?? new Error("Rejected promise"));
      });
    }
  };
  return Object.defineProperty(caught, "name", { value: handler.name || "handler" });
}
