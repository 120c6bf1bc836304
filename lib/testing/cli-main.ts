// lib/testing/cli-main.ts — the CLI's work (`send`, `list`), callable in-process.

import { parseArgs } from "node:util";
import type { TrafficRequest } from "./scenario.js";
import { fire, scenarios, type TrafficResponse } from "./traffic.js";

const usage = `Usage:
  sms-webhooks send <scenario> <url> --secret <secret> [--times <n>] [--skew <seconds>]
  sms-webhooks list

Sends one signed webhook (with --times, the same event again as the provider's retries),
and prints each answer. <url> is the route, or where smsWebhook.router is mounted: a
scenario's own path (e.g. /status for vonage-dlr) is added when the URL lacks it.
--skew shifts the signed time (--skew=-600 for a stale request).

Exits 0 when every answer is 2xx (a retry answered 200 as a duplicate is 2xx), and 1 when
any is not (a rejection such as 401, which --skew past the window is meant to show), when
the server cannot be reached, or on a usage error.`;

/** Where the CLI writes: the console, or a test's buffers. */
export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves with its exit code. The
 * `sms-webhooks` bin calls it; tests call it in-process.
 */
export async function runCli(argv: string[], out: CliOutput = console): Promise<number> {
  const fail = (message: string): number => {
    out.error(message);
    return 1;
  };
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      secret: { type: "string" },
      times: { type: "string", default: "1" },
      skew: { type: "string", default: "0" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, name, url] = positionals;
  if (values.help) {
    out.log(usage);
    return 0;
  }
  if (command === undefined) return fail(usage);
  if (command === "list") {
    const entries = Object.entries(scenarios);
    const nameWidth = Math.max(...entries.map(([scenarioName]) => scenarioName.length));
    const providerWidth = Math.max(...entries.map(([, scenario]) => scenario.provider.length));
    for (const [scenarioName, scenario] of entries) {
      const where = scenario.path === "" ? "" : ` (to …${scenario.path})`;
      out.log(
        `${scenarioName.padEnd(nameWidth)}  ${scenario.provider.padEnd(providerWidth)}  ` +
          `${scenario.description}${where}`,
      );
    }
    return 0;
  }
  if (command !== "send" || name === undefined || url === undefined) return fail(usage);
  // The scenario first: a typo in its name is the likelier mistake, and says more than usage.
  const scenario = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
  if (scenario === undefined) {
    return fail(`There is no scenario "${name}"; \`sms-webhooks list\` shows them.`);
  }
  if (!values.secret) {
    return fail(`--secret is required: the secret the server verifies "${name}" with.\n\n${usage}`);
  }
  const times = Number(values.times);
  if (!Number.isInteger(times) || times < 1) {
    return fail(`--times must be a whole number of at least 1, not "${values.times}".`);
  }
  const skewMs = Number(values.skew) * 1000;
  if (!Number.isFinite(skewMs)) {
    return fail(`--skew must be a number of seconds, not "${values.skew}".`);
  }
  const target = targetUrl(url, scenario.path);
  const event = scenario.event(new Date(Date.now() + skewMs));
  const unexpected: number[] = [];
  for (let attempt = 1; attempt <= times; attempt++) {
    const sentAt = new Date(Date.now() + skewMs);
    let requests: TrafficRequest[];
    try {
      requests = await event.sign(values.secret, sentAt, target);
    } catch (error) {
      // A --secret of the wrong shape (a Telnyx scenario wants a base64 Ed25519 seed).
      return fail(
        `Could not sign "${name}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    for (const request of requests) {
      let response: TrafficResponse;
      try {
        response = await fire(target, request);
      } catch (error) {
        return fail(`Could not reach ${target}: ${fetchFailure(error)}.`);
      }
      out.log(`${name} #${attempt} → ${response.status} ${response.body}`);
      if (response.status < 200 || response.status > 299) unexpected.push(response.status);
    }
  }
  if (unexpected.length > 0) {
    return fail(`Expected every answer to be 2xx; got ${unexpected.join(", ")}.`);
  }
  return 0;
}

/**
 * Why `fetch` failed, from its `cause` ("fetch failed" alone says nothing): the system error's
 * code and message, e.g. `ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:3000)`.
 */
function fetchFailure(error: unknown): string {
  // Duck-typed, not instanceof: fetch's errors may come from another realm (a test VM).
  const { cause } = (error ?? {}) as { cause?: unknown };
  const reason = (cause ?? error ?? {}) as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    errors?: unknown;
  };
  let message = typeof reason.message === "string" ? reason.message : "";
  // An AggregateError (one error per address tried, as for localhost) has a code, no message.
  if (message === "" && Array.isArray(reason.errors) && reason.errors.length > 0) {
    message = fetchFailure(reason.errors[0]);
  }
  const code = typeof reason.code === "string" ? reason.code : "";
  if (code === "") return message || String(reason.name ?? error);
  return message === "" || message.startsWith(code) ? message || code : `${code} (${message})`;
}

/** `url`, with the scenario's path added unless it already ends with it. */
function targetUrl(url: string, path: string): string {
  const base = url.replace(/\/+$/, "");
  return path === "" || base.endsWith(path) ? url : `${base}${path}`;
}
