// scripts/smoke/app.ts — an app that installed the packed tarball: every provider mounted, then
// signed traffic for every scenario `sms-webhooks/testing` exports, checked against the answers
// the README documents. The smoke compiles it as ESM (Express 5) and as CommonJS (Express 4).
//
// Providers are found, not listed: each scenario names its provider, whose factory is the export
// of the same name in camelCase ("vonage-sms" → vonageSms). A provider added later is covered as
// soon as its scenarios are in `scenarios`.

import type { AddressInfo } from "node:net";
import express from "express";
import * as webhooks from "sms-webhooks";
import * as testing from "sms-webhooks/testing";
import type { Scenario, TrafficRequest, TrafficResponse } from "sms-webhooks/testing";

type Factory = (options: Record<string, unknown>) => webhooks.Provider<unknown, unknown>;

interface Mounted {
  name: string;
  url: string;
  signWith: string;
  forgeWith: string;
  events: webhooks.SmsEvent[];
}

interface KeyPair {
  publicKey: string;
  privateKey: string;
}

function factoryOf(provider: string): [string, Factory] {
  const wanted = provider.replace(/-/g, "").toLowerCase();
  for (const [name, value] of Object.entries(webhooks)) {
    if (typeof value === "function" && name.toLowerCase() === wanted) {
      return [name, value as unknown as Factory];
    }
  }
  throw new Error(`sms-webhooks exports no factory for the scenarios' provider "${provider}"`);
}

// A shared secret, or — when sms-webhooks/testing exports `<factory>KeyPair` (Telnyx signs with
// Ed25519) — a key pair: the app gets the public half, the signer the private one.
function credentials(factory: string, provider: string) {
  const keyPair = (testing as Record<string, unknown>)[`${factory}KeyPair`];
  if (typeof keyPair === "function") {
    const make = keyPair as () => KeyPair;
    const pair = make();
    return {
      options: { publicKey: pair.publicKey },
      signWith: pair.privateKey,
      forgeWith: make().privateKey,
    };
  }
  const secret = `smoke-${provider}-secret-0123456789abcdef`;
  return { options: { secret }, signWith: secret, forgeWith: "not-the-secret-0123456789abcdef" };
}

let passed = 0;
let failed = 0;
function check(ok: boolean, what: string, answers: readonly TrafficResponse[]): void {
  if (ok) passed++;
  else {
    failed++;
    const got = answers.map((answer) => `${answer.status} ${answer.body}`).join(" | ");
    console.error(`FAIL ${what}: got ${got}`);
  }
}

async function send(url: string, requests: readonly TrafficRequest[]): Promise<TrafficResponse[]> {
  const answers: TrafficResponse[] = [];
  for (const request of requests) answers.push(await testing.fire(url, request));
  return answers;
}

async function exercise(mounted: Mounted, scenarioName: string, scenario: Scenario) {
  const url = `${mounted.url}${scenario.path}`;
  const what = `${scenarioName} (${mounted.name}) on ${url}`;
  const before = mounted.events.length;
  const event = scenario.event(new Date());

  // The event: handled once (a concatenated SMS: every part 200 part_received, the last 204).
  const first = await send(url, await event.sign(mounted.signWith, new Date(), url));
  const last = first[first.length - 1];
  check(
    last?.status === 204 &&
      first.slice(0, -1).every((a) => a.status === 200) &&
      mounted.events.length === before + 1,
    `${what}: delivered once`,
    first,
  );
  // The provider's retry of it: 200 {"status":"duplicate"}, the handler not called again.
  const retry = await send(url, await event.sign(mounted.signWith, new Date(), url));
  check(
    retry.every((a) => a.status === 200 && a.body.includes("duplicate")) &&
      mounted.events.length === before + 1,
    `${what}: its retry is a duplicate`,
    retry,
  );
  // A forgery (another secret or key): 401, the handler not called.
  const forged = scenario.event(new Date());
  const forgery = await send(url, await forged.sign(mounted.forgeWith, new Date(), url));
  check(
    forgery.every((a) => a.status === 401) && mounted.events.length === before + 1,
    `${what}: a forgery is 401`,
    forgery,
  );
}

// The body is read by the body-parser the app's Express installed alongside (one copy): its
// limit and its refusal of compressed bodies must still answer as documented.
async function bodyChecks(url: string) {
  const large = await testing.fire(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: `{"pad":"${"x".repeat(70 * 1024)}"}`,
  });
  check(large.status === 413 && large.body.includes("body_too_large"), `413 on ${url}`, [large]);
  const gzip = await testing.fire(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body: "{}",
  });
  check(gzip.status === 415, `415 for a gzip body on ${url}`, [gzip]);
}

async function main() {
  const app = express();
  const store = new webhooks.MemoryStore();
  const mounted = new Map<string, Mounted>();
  const byProvider = new Map<string, Array<[string, Scenario]>>();
  for (const [name, scenario] of Object.entries(testing.scenarios)) {
    const list = byProvider.get(scenario.provider) ?? [];
    list.push([name, scenario]);
    byProvider.set(scenario.provider, list);
  }
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const provider of byProvider.keys()) {
    const [factoryName, factory] = factoryOf(provider);
    const { options, signWith, forgeWith } = credentials(factoryName, provider);
    const events: webhooks.SmsEvent[] = [];
    const path = `/hooks/${provider}`;
    app.use(
      path,
      webhooks.smsWebhook.router(factory(options), {
        store,
        logger: webhooks.silentLogger,
        handler: (req, res) => {
          events.push(req.smsEvent);
          res.sendStatus(204);
        },
      }),
    );
    mounted.set(provider, { name: provider, url: `${base}${path}`, signWith, forgeWith, events });
  }

  for (const [provider, list] of byProvider) {
    const target = mounted.get(provider);
    if (target === undefined) continue;
    for (const [name, scenario] of list) await exercise(target, name, scenario);
  }
  const firstPost = [...byProvider.entries()].find(([, list]) => list[0] !== undefined);
  if (firstPost !== undefined) {
    const [provider, list] = firstPost;
    await bodyChecks(`${mounted.get(provider)?.url ?? ""}${list[0]?.[1].path ?? ""}`);
  }
  server.close();
  const providers = [...mounted.keys()].join(", ");
  console.log(
    `${byProvider.size} providers (${providers}), ${Object.keys(testing.scenarios).length} scenarios`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
