// __tests__/testing/provider-contract.test.ts — the provider contract fails a provider that breaks it.

import type { Provider } from "../../lib/index.js";
import { runProviderContract, type ProviderFixtures } from "../../lib/testing/index.js";
import { acmeSms } from "../../examples/custom-provider.js";
import crypto from "node:crypto";

type Body = Record<string, unknown>;
const secret = "contract-secret";
const now = new Date("2025-03-01T09:00:00Z");
let nextId = 0;

function fixtures(provider: ProviderFixtures<Body, undefined>["provider"]) {
  return {
    provider,
    secret,
    now,
    request: ({
      secret: key = secret,
      signedAt = now,
    }: { secret?: string; signedAt?: Date } = {}) => {
      const body = JSON.stringify({
        id: `e${++nextId}`,
        type: "inbound",
        from: "a",
        to: "b",
        text: "t",
      });
      const timestamp = String(Math.floor(signedAt.getTime() / 1000));
      const signature = crypto
        .createHmac("sha256", key)
        .update(`${timestamp}.${body}`)
        .digest("hex");
      return {
        method: "POST",
        url: "/",
        headers: { "x-acme-signature": signature, "x-acme-timestamp": timestamp },
        rawBody: Buffer.from(body),
        rawQuery: "",
      };
    },
    badPayload: () => {
      throw new Error("not used");
    },
    unsign: <R extends { headers: object }>(req: R) => ({
      ...req,
      headers: { ...req.headers, "x-acme-signature": undefined },
    }),
    signsTime: true,
  } satisfies ProviderFixtures<Body, undefined>;
}

// Registers the contract's tests into a list instead of the runner, to run them here.
function contractTests(fixture: ProviderFixtures<Body, undefined>) {
  const tests = new Map<string, () => Promise<void>>();
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: globals["describe"], it: globals["it"] };
  globals["describe"] = (_name: string, body: () => void) => body();
  globals["it"] = (name: string, body: () => Promise<void>) => tests.set(name, body);
  try {
    runProviderContract("under test", fixture);
  } finally {
    Object.assign(globals, saved);
  }
  return (name: string) => {
    const test = tests.get(name);
    if (test === undefined) throw new Error(`the contract has no test "${name}"`);
    return test();
  };
}

const tamperTest = "rejects every tampered byte of the body and query, before the store";
const windowTest = "rejects a signed time outside the window either way, before the store";

describe("runProviderContract", () => {
  it("fails a provider that accepts a tampered body", async () => {
    const lenient = (key: string | readonly string[]): Provider<Body, undefined> => {
      const strict = acmeSms({ secret: key });
      return { ...strict, verify: () => now };
    };
    const run = contractTests(fixtures(lenient));
    await expect(run(tamperTest)).rejects.toThrow(/expected a rejection/);
  });

  it("fails a provider that skips the signed time", async () => {
    const timeless = (key: string | readonly string[]): Provider<Body, undefined> => {
      const strict = acmeSms({ secret: key });
      return {
        ...strict,
        verify: async (req, signed) => {
          await strict.verify(req, signed);
          return undefined;
        },
      };
    };
    const run = contractTests(fixtures(timeless));
    await expect(run(windowTest)).rejects.toThrow(/expected a rejection/);
  });

  it("passes the strict provider on the same fixtures", async () => {
    const run = contractTests(fixtures((key) => acmeSms({ secret: key })));
    await run(tamperTest);
  });
});
