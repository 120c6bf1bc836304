// bench/pipeline-ab.ts — the pipeline alone, another build against this one: CPU µs per request.
//
// `npx tsx bench/pipeline-ab.ts <package root> [--pairs=4] [--requests=20000]` (both builds
// built): `createPipeline(provider, { store: new MemoryStore() }).receive(raw)` on each
// provider's signed requests, one after another, awaiting an answer only when it is a promise
// (as the Express middleware does), then `settle(true)`. No HTTP, no Express: what is left is
// the library's own per-request work, far less noisy than a whole server on a shared machine.
// Each measurement runs in a fresh process, the builds taking turns A B B A …; a ratio is the
// median of the pairs' own ratios, with their lowest and highest.

import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Outcome, Provider, RawRequest } from "../lib/index.js";
import {
  androidSmsGatewaySample,
  mifumoSample,
  signAndroidSmsGateway,
  signMifumo,
  signTwilio,
  signVonageMessages,
  signVonageSms,
  twilioStatusSample,
  vonageMessagesStatusSample,
  vonageReceiptSample,
} from "../lib/testing/index.js";
import { twilioOrigin } from "./http/protocol.js";
import { libraryRootEnv, repoRoot } from "./paths.js";
import { secrets } from "./secrets.js";

const providers = ["android", "mifumo", "vonage-sms", "vonage-messages", "twilio"] as const;
type ProviderName = (typeof providers)[number];
type Figures = Record<ProviderName, number>;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);

if (args[0] === "--child") {
  console.log(JSON.stringify(await measure(option("requests", 20_000))));
} else {
  if (args[0] === undefined || args[0].startsWith("--")) {
    console.error("usage: tsx bench/pipeline-ab.ts <package root> [--pairs=4] [--requests=20000]");
    process.exit(2);
  }
  compare(resolve(args[0]), option("pairs", 4), option("requests", 20_000));
}

function compare(baseline: string, pairs: number, requests: number): void {
  const runs: Record<"baseline" | "this", Figures[]> = { baseline: [], this: [] };
  for (let pair = 0; pair < pairs; pair++) {
    const order =
      pair % 2 === 0 ? (["baseline", "this"] as const) : (["this", "baseline"] as const);
    for (const build of order) {
      console.error(`pair ${pair + 1}/${pairs}: ${build}`);
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", fileURLToPath(import.meta.url), "--child", `--requests=${requests}`],
        {
          cwd: repoRoot,
          env: { ...process.env, [libraryRootEnv]: build === "baseline" ? baseline : "" },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      if (child.status !== 0) throw new Error(`${build} run failed (${child.status})`);
      runs[build].push(JSON.parse(child.stdout) as Figures);
    }
  }
  console.log(`Baseline: ${baseline}/dist/esm; ${pairs} pairs of ${requests} requests.\n`);
  console.log("| Provider | CPU µs/req baseline | CPU µs/req this build | × baseline (min–max) |");
  console.log("| --- | --: | --: | --: |");
  for (const name of providers) {
    const then = runs.baseline.map((figures) => figures[name]);
    const now = runs.this.map((figures) => figures[name]);
    const ratios = now.map((value, i) => value / then[i]!).sort((a, b) => a - b);
    console.log(
      `| ${name} | ${median(then).toFixed(1)} | ${median(now).toFixed(1)} | ` +
        `${median(ratios).toFixed(2)}× (${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}) |`,
    );
  }
}

async function measure(requests: number): Promise<Figures> {
  // Loaded here, after BENCH_LIBRARY_ROOT is set: the build this child measures.
  const lib = await import("./library.js");
  const now = Math.floor(Date.now() / 1000);
  const raw = (url: string, headers: Record<string, string>, body: string): RawRequest => ({
    method: "POST",
    url,
    rawQuery: "",
    rawBody: Buffer.from(body),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  });
  const cases = {
    android: {
      provider: () => lib.androidSmsGateway({ secret: secrets.android }),
      request: () => {
        const body = androidSmsGatewaySample("sms:received");
        return raw("/", signAndroidSmsGateway(body, secrets.android, now), body);
      },
    },
    mifumo: {
      provider: () => lib.mifumo({ secret: secrets.mifumo }),
      request: () => {
        const body = mifumoSample("message.sent");
        return raw("/", signMifumo(body, secrets.mifumo), body);
      },
    },
    "vonage-sms": {
      provider: () => lib.vonageSms({ secret: secrets.vonageSms, signatureMethod: "md5hash" }),
      request: () => {
        const params = signVonageSms(vonageReceiptSample(), secrets.vonageSms, {
          method: "md5hash",
          timestampSec: now,
        });
        const headers = { "content-type": "application/x-www-form-urlencoded" };
        return raw("/", headers, new URLSearchParams(params).toString());
      },
    },
    "vonage-messages": {
      provider: () => lib.vonageMessages({ secret: secrets.vonageMessages }),
      request: async () => {
        const body = vonageMessagesStatusSample("delivered");
        const headers = await signVonageMessages(body, secrets.vonageMessages, {
          issuedAtSec: now,
        });
        return raw("/", headers, body);
      },
    },
    twilio: {
      provider: () => lib.twilio({ secret: secrets.twilio, publicUrl: twilioOrigin }),
      request: () => {
        const params = twilioStatusSample();
        const headers = {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": signTwilio(`${twilioOrigin}/`, params, secrets.twilio),
        };
        return raw("/", headers, new URLSearchParams(params).toString());
      },
    },
  } as const;
  const figures = {} as Figures;
  for (const name of providers) {
    // The JWT case costs ~5× more per request: a third as many keeps its run as long.
    const count = name === "vonage-messages" ? Math.ceil(requests / 3) : requests;
    const warmup = Math.ceil(count / 3);
    const signed: RawRequest[] = [];
    for (let i = 0; i < warmup + count; i++) signed.push(await cases[name].request());
    // Each case's provider has its own payload types; the loop needs only receive().
    const provider: Provider<unknown, unknown> = cases[name].provider();
    const pipeline = lib.createPipeline(provider, {
      store: new lib.MemoryStore(),
      logger: lib.silentLogger,
    });
    let start = process.cpuUsage();
    for (let i = 0; i < signed.length; i++) {
      if (i === warmup) start = process.cpuUsage();
      // The baseline's receive may answer synchronously: await only a promise, as Express does.
      const answer = pipeline.receive(signed[i]!) as Outcome | Promise<Outcome>;
      const outcome = answer instanceof Promise ? await answer : answer;
      if (outcome.type !== "deliver") throw new Error(`${name}: answered ${outcome.type}`);
      void outcome.delivery.settle(true);
    }
    await new Promise((done) => setImmediate(done));
    const { user, system } = process.cpuUsage(start);
    figures[name] = (user + system) / count;
  }
  return figures;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
