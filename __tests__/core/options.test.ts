// __tests__/core/options.test.ts — options are checked at construction, naming the option.

import {
  androidSmsGateway,
  MemoryStore,
  RedisStore,
  smsWebhook,
  vonageMessages,
} from "../../lib/index.js";

const provider = androidSmsGateway({ secret: "k" });

describe("smsWebhook options", () => {
  it.each([
    [{ tolerance: 300 }, 'unknown option "tolerance"'],
    [{ toleranceSec: -1 }, 'option "toleranceSec" must be positive'],
    [{ toleranceSec: "300" }, 'option "toleranceSec" must be a number of seconds'],
    [{ mode: "audit" }, 'option "mode" must be "enforce" or "report"'],
    [{ clock: new Date() }, 'option "clock" must be a function'],
    [{ logger: console.log }, 'option "logger" must have warn() and error() methods'],
    [{ store: new Map() }, 'option "store" must be a DedupeStore'],
    [{ leaseMs: 1.5 }, 'option "leaseMs" must be a whole number'],
    [{ storeTimeoutMs: 0 }, 'option "storeTimeoutMs" must be positive'],
    [{ onStoreError: "ignore" }, 'option "onStoreError" must be "reject" or "process"'],
    [{ limit: "lots" }, 'option "limit" must be a number of bytes or a size'],
    [{ onError: "log" }, 'option "onError" must be a function'],
  ])("rejects %p at construction", (options, message) => {
    expect(() => smsWebhook(provider, options as never)).toThrow(message);
  });

  it("rejects a dedupe TTL shorter than the timestamp window, naming both options", () => {
    expect(() => smsWebhook(provider, { toleranceSec: 600, dedupeTtlMs: 60_000 })).toThrow(
      /"dedupeTtlMs" \(60000 ms\) must be at least twice "toleranceSec"/,
    );
  });

  it("checks the combination against the provider's defaults too", () => {
    expect(() => smsWebhook(provider, { toleranceSec: 7 * 24 * 3600 })).toThrow("dedupeTtlMs");
    expect(() => smsWebhook(provider, { dedupeTtlMs: 100_000 })).toThrow("dedupeTtlMs");
  });

  it("accepts every option set right", () => {
    expect(() =>
      smsWebhook(provider, {
        store: new MemoryStore(),
        mode: "report",
        clock: () => new Date(),
        logger: { warn() {}, error() {} },
        onError() {},
        toleranceSec: 120,
        dedupeTtlMs: 3_600_000,
        leaseMs: 10_000,
        storeTimeoutMs: 500,
        onStoreError: "process",
        limit: "128kb",
      }),
    ).not.toThrow();
  });
});

describe("provider options", () => {
  it.each([
    [{}, 'option "secret" is required: it must be a non-empty string'],
    [{ secret: "" }, 'option "secret" must be a non-empty string'],
    [{ secret: [] }, 'option "secret" must be a non-empty string'],
    [{ secret: ["ok", 5] }, 'option "secret" must be a non-empty string'],
    [{ secret: "k", signingKey: "k" }, 'unknown option "signingKey"'],
  ])("androidSmsGateway rejects %p", (options, message) => {
    expect(() => androidSmsGateway(options as never)).toThrow(message);
  });

  it("says MISSING for an absent required option, whatever its kind, and INVALID for a wrong one", () => {
    // A string-or-list (androidSmsGateway), a function (RedisStore), a union with a map
    // (vonageMessages): absent, each is required; given wrong, each is invalid.
    const absent = [
      () => androidSmsGateway({} as never),
      () => vonageMessages({} as never),
      () => new RedisStore({} as never),
    ];
    for (const build of absent) {
      expect(build).toThrow(expect.objectContaining({ code: "ERR_SMS_WEBHOOKS_MISSING_OPTION" }));
    }
    const wrong = [
      () => androidSmsGateway({ secret: 42 } as never),
      () => vonageMessages({ secret: 42 } as never),
      () => new RedisStore({ sendCommand: "redis" } as never),
      // Given, with an empty entry: invalid, not missing.
      () => smsWebhook(androidSmsGateway({ secret: "k" }), { observers: [undefined] } as never),
    ];
    for (const build of wrong) {
      expect(build).toThrow(expect.objectContaining({ code: "ERR_SMS_WEBHOOKS_INVALID_OPTION" }));
    }
  });

  it.each([
    [
      "a rotation list with a bad entry",
      () => androidSmsGateway({ secret: ["hunter2", 42] } as never),
    ],
    [
      "a secret of the wrong type",
      () => androidSmsGateway({ secret: { hunter2: "hunter2" } } as never),
    ],
    [
      "a bad option beside the secret",
      () => androidSmsGateway({ secret: "hunter2", extra: "hunter2" } as never),
    ],
  ])("never puts the secret in the message: %s", (_case, build) => {
    expect(build).toThrow(TypeError);
    expect(build).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});
