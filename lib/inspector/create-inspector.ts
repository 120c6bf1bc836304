// lib/inspector/create-inspector.ts — createInspector(): an observer that keeps recent outcomes, and its page.

import type { Router } from "express";
import { z } from "zod";
import type { WebhookObserver } from "../core/observer.js";
import { pipelineOptionsShape, validateOptions } from "../core/options.js";
import { inspectorRouter, type InspectorRouterOptions } from "./router.js";
import { InspectorView } from "./view.js";

/** Options for {@link createInspector}. */
export interface InspectorOptions {
  /**
   * How many recent requests are kept (the oldest dropped first); each is a small summary of
   * a few hundred bytes, never the event. Default 500.
   */
  capacity?: number;
  /**
   * Show phone numbers and message texts as they are. Default `false`: numbers are masked
   * (`+44 •• •••• ••89`, in event ids too) and texts shown as their length (`[42 chars]`),
   * before anything is kept.
   */
  showContent?: boolean;
}

/**
 * An observer that keeps the last requests' outcomes, and the router that shows them. Register
 * it with `observers: [inspector]` on each webhook route, and mount `inspector.router()`.
 */
export interface Inspector extends WebhookObserver {
  /**
   * An `express.Router` serving the page (`GET /`) and the JSON (`GET /api/deliveries`,
   * newest first; `provider`, `outcome`, `code` and `limit` query filters). `authorize` is
   * required: the page shows your traffic and the causes of its failures.
   */
  router(options: InspectorRouterOptions): Router;
}

const inspectorOptionsShape = {
  capacity: z
    .number({ message: "must be a number of records" })
    .int("must be a whole number of records")
    .min(1, "must be at least 1")
    .max(100_000, "must be at most 100000 (each record is kept in memory)")
    .optional(),
  showContent: z.boolean({ message: "must be true or false" }).optional(),
};

const routerOptionsShape = {
  authorize: z.custom<InspectorRouterOptions["authorize"]>((value) => typeof value === "function", {
    message: "must be a function (req) => boolean | Promise<boolean>; there is no open default",
  }),
  logger: pipelineOptionsShape.logger,
};

/**
 * Makes an inspector: keep it, register it as an observer on every webhook route, and mount
 * its router behind `authorize`.
 *
 * ```ts
 * const inspector = createInspector();
 * app.use("/hooks/twilio", smsWebhook.router(twilio({ secret }), { observers: [inspector], handler }));
 * app.use("/_webhooks", inspector.router({ authorize: (req) => isAdmin(req) }));
 * ```
 *
 * Options are checked here (an {@link OptionsError} names the bad one); the router's options
 * when `router()` is called.
 */
export function createInspector(options?: InspectorOptions): Inspector {
  const { capacity = 500, showContent = false } = validateOptions(inspectorOptionsShape, options);
  const view = new InspectorView(capacity, showContent);
  return {
    onOutcome(record) {
      view.add(record);
    },
    router(routerOptions) {
      return inspectorRouter(view, validateOptions(routerOptionsShape, routerOptions));
    },
  };
}
