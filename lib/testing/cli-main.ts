// lib/testing/cli-main.ts — the CLI's work (`send`, `list`), callable in-process.

import { parseArgs } from "node:util";
import { fire, scenarios } from "./traffic.js";

const usage = `Usage:
  sms-webhooks send <scenario> <url> --secret <secret> [--times <n>] [--skew <seconds>]
  sms-webhooks list

Sends one signed webhook (with --times, the same event again as the provider's retries),
and prints each answer. <url> is the route, or where smsWebhook.router is mounted: a
scenario's own path (e.g. /status for vonage-dlr) is added when the URL lacks it.
--skew shifts the signed time (--skew=-600 for a stale request).`;

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
    for (const [scenarioName, scenario] of Object.entries(scenarios)) {
      const where = scenario.path === "" ? "" : ` (to …${scenario.path})`;
      out.log(`${scenarioName.padEnd(22)} ${scenario.provider}: ${scenario.description}${where}`);
    }
    return 0;
  }
  if (command !== "send" || name === undefined || url === undefined || !values.secret) {
    return fail(usage);
  }
  const scenario = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
  if (scenario === undefined) {
    return fail(`There is no scenario "${name}"; \`sms-webhooks list\` shows them.`);
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
  for (let attempt = 1; attempt <= times; attempt++) {
    const sentAt = new Date(Date.now() + skewMs);
    for (const request of await event.sign(values.secret, sentAt, target)) {
      const response = await fire(target, request);
      out.log(`${name} #${attempt} → ${response.status} ${response.body}`);
    }
  }
  return 0;
}

/** `url`, with the scenario's path added unless it already ends with it. */
function targetUrl(url: string, path: string): string {
  const base = url.replace(/\/+$/, "");
  return path === "" || base.endsWith(path) ? url : `${base}${path}`;
}
