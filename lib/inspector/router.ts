// lib/inspector/router.ts — the inspector's Express router: authorization, headers, page and JSON.

import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { describeError } from "../core/describe-error.js";
import { consoleLogger, guardedLogger, type Logger } from "../core/logger.js";
import { parseFilter } from "./filters.js";
import { defaultPageLimit } from "./page-model.js";
import { renderErrorPage, renderPage } from "./page.js";
import { pageStyleSource } from "./page-style.js";
import type { InspectorView } from "./view.js";

/** Options for `inspector.router()`. */
export interface InspectorRouterOptions {
  /**
   * Decides who may see the inspector: the page shows your traffic and the causes of its
   * failures. Required, with no open default. Only `true` (or a promise of it) lets the request
   * in; anything else is answered 403, and a throw or rejection 500 (logged). Check a session,
   * a header your proxy sets after its own authentication, or the peer address
   * (`req.socket.remoteAddress` is loopback) for a local-only inspector.
   */
  authorize: (req: Request) => boolean | Promise<boolean>;
  /** Where a throwing `authorize` is logged. Default: the console. */
  logger?: Logger;
}

// The page loads nothing but its own inline stylesheet (allowed by hash) and runs no script:
// even a value that escaped escaping could neither run nor load anything.
const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${pageStyleSource}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};

/** Builds the router over `view`; `options` are checked by the caller. */
export function inspectorRouter(view: InspectorView, options: InspectorRouterOptions): Router {
  const logger = guardedLogger(options.logger ?? consoleLogger);
  const router = express.Router();

  router.use(async function inspectorAuthorize(req: Request, res: Response, next: NextFunction) {
    res.set(securityHeaders);
    let allowed: unknown;
    try {
      allowed = await options.authorize(req);
    } catch (error) {
      logger.error({ cause: describeError(error) }, "the inspector's authorize function threw");
      refuse(req, res, 500, "The inspector's authorize function failed: see the server log.");
      return;
    }
    if (allowed !== true) {
      refuse(req, res, 403, "Forbidden: authorize did not allow this request.");
      return;
    }
    next();
  });

  router.get("/api/deliveries", function inspectorApi(req: Request, res: Response) {
    const parsed = parseFilter(queryOf(req), view.hasProvider, view.capacity);
    if (!parsed.ok) {
      res.status(400).json({ error: { code: "invalid_query", message: parsed.error } });
      return;
    }
    res.json({
      deliveries: view.list(parsed.filter),
      counts: view.counts(),
      pending: view.pending(),
    });
  });

  router.get("/", function inspectorPage(req: Request, res: Response) {
    const base = req.baseUrl;
    const query = queryOf(req);
    const limit = defaultPageLimit(view);
    const parsed = parseFilter(query, view.hasProvider, view.capacity, limit, ["refresh"]);
    const refresh = refreshOf(query["refresh"]);
    const error = parsed.ok ? refresh.error : parsed.error;
    res.type("html");
    if (!parsed.ok || error !== undefined) {
      res.status(400).send(renderErrorPage(base, error ?? "Invalid query."));
      return;
    }
    res.send(
      renderPage({
        base,
        startedAt: view.startedAt,
        capacity: view.capacity,
        kept: view.size(),
        showContent: view.showContent,
        counts: view.counts(),
        pending: view.pending(),
        filter: parsed.filter,
        records: view.list(parsed.filter),
        refreshSec: refresh.seconds,
      }),
    );
  });

  return router;
}

// The page's own parameter: seconds between reloads (a <meta> refresh: no script needed).
function refreshOf(value: unknown): { seconds?: number; error?: string } {
  if (value === undefined || value === "") return {};
  const seconds = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : 0;
  if (seconds >= 2 && seconds <= 3600) return { seconds };
  return { error: "Invalid query: refresh must be a whole number of seconds from 2 to 3600." };
}

function refuse(req: Request, res: Response, status: number, message: string): void {
  if (req.path.startsWith("/api/")) {
    const code = status === 403 ? "forbidden" : "authorize_failed";
    res.status(status).json({ error: { code, message } });
  } else {
    res.status(status).type("text").send(message);
  }
}

// Express parses the query into strings, or arrays and objects for repeated and nested keys.
function queryOf(req: Request): Record<string, unknown> {
  return req.query;
}
