// __tests__/providers/vonage-sms/vonage-sms.test.ts — Vonage SMS receipts and inbound SMS, end to end.

import {
  MemoryStore,
  smsWebhook,
  vonageSms,
  type DedupeStore,
  type PartStore,
  type SmsEvent,
  type SmsWebhookOptions,
  type VonageSmsOptions,
  smsEventOf,
} from "../../../lib/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { postRaw, send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import {
  formEncode,
  signVonageParams,
  vonageSig,
  type Method,
} from "../../helpers/vonage-sms-signer.js";
import { runProviderContract } from "../provider-contract.js";
import { seedInbound, seedReceipt, vectorA, vectorB, vectorC } from "./fixtures.js";

const secret = "vonage-signature-secret";
const now = new Date("2020-01-01T12:00:05Z");
const nowSec = Math.floor(now.getTime() / 1000);
let nextId = 0;

type Transport = "GET" | "POST form" | "POST JSON";

function request(
  params: Record<string, string>,
  transport: Transport,
  path = "/status",
): TestRequest {
  switch (transport) {
    case "GET":
      return { method: "GET", path, headers: {}, query: formEncode(params) };
    case "POST form":
      return {
        method: "POST",
        path,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: formEncode(params),
      };
    case "POST JSON":
      return {
        method: "POST",
        path,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
      };
  }
}

const vonageSigOf = (params: Record<string, string>) => vonageSig(params, secret, "md5hash");

const signed = (
  params: Record<string, string>,
  method: Method = "md5hash",
  at = nowSec,
  key = secret,
) => signVonageParams(params, key, method, at);

runProviderContract({
  name: "vonageSms",
  provider: (secret) => vonageSms({ secret }),
  secret,
  now,
  request(options = {}) {
    const at = Math.floor((options.signedAt ?? now).getTime() / 1000);
    const receipt = {
      ...seedReceipt,
      messageId: options.eventId ?? `0B${String(++nextId).padStart(14, "0")}`,
    };
    return request(signed(receipt, "md5hash", at, options.secret ?? secret), "POST form");
  },
  tamper: (req) => ({ ...req, body: req.body!.replace("price=0.03330000", "price=0.03330001") }),
  unsign(req) {
    const params = Object.fromEntries(new URLSearchParams(req.body));
    delete params["sig"];
    delete params["timestamp"];
    delete params["nonce"];
    return { ...req, body: formEncode(params) };
  },
  badPayload: () => request(signed({ ...seedInbound, messageId: "" }), "POST form", "/inbound"),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 300,
  bodyParser: express.urlencoded({ extended: true }),
});

function vonageApp(
  providerOptions: VonageSmsOptions = { secret },
  options: SmsWebhookOptions & { clock?: () => Date } = {},
  handler?: express.RequestHandler,
) {
  const { app, events, logger } = routerApp("/hooks/vonage", vonageSms(providerOptions), {
    clock: () => now,
    ...options,
    ...(handler === undefined ? {} : { handler }),
  });
  const hit = (req: TestRequest) => send(app, { ...req, path: `/hooks/vonage${req.path}` });
  return { hit, events, logger };
}

const transports: Transport[] = ["GET", "POST form", "POST JSON"];

describe("vonageSms signatures (providers.md vectors)", () => {
  const at = new Date(Number(vectorB.params.timestamp) * 1000);

  describe.each(transports)("as %s", (transport) => {
    it.each(Object.keys(vectorB.sigs) as Method[])("verifies vector B with %s", async (method) => {
      const { hit, events } = vonageApp(
        { secret: vectorB.secret, signatureMethod: method },
        { clock: () => at },
      );
      const params = { ...vectorB.params, sig: vectorB.sigs[method] };
      const res = await hit(request(params, transport, "/inbound"));
      expect(res.status).toBe(204);
      expect(events[0]).toMatchObject({
        type: "message.received",
        text: "Hello & welcome=yes",
        verified: true,
      });
    });

    it.each(Object.keys(vectorB.sigs) as Method[])(
      "rejects vector B with one character changed (%s)",
      async (method) => {
        const { hit, events } = vonageApp(
          { secret: vectorB.secret, signatureMethod: method },
          { clock: () => at },
        );
        const params = {
          ...vectorB.params,
          text: "Hello & welcome=yeS",
          sig: vectorB.sigs[method],
        };
        const res = await hit(request(params, transport, "/inbound"));
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe("signature_invalid");
        expect(res.text).not.toContain(vectorB.secret);
        expect(events).toHaveLength(0);
      },
    );

    it("verifies vector A and delivers its unmodelled parameters as unknown", async () => {
      const { hit, events } = vonageApp(
        { secret: vectorA.secret },
        { clock: () => new Date(Number(vectorA.params.timestamp) * 1000) },
      );
      const res = await hit(request({ ...vectorA.params, sig: vectorA.sig }, transport));
      expect(res.status).toBe(204);
      expect(events[0]).toMatchObject({ type: "unknown", raw: { a: "1", b: "2" } });
      const changed = await hit(
        request({ ...vectorA.params, b: "3", sig: vectorA.sig }, transport),
      );
      expect(changed.status).toBe(401);
    });

    it("signs empty values (vector C), and takes the Java form only when asked", async () => {
      const clock = () => new Date(Number(vectorC.params.timestamp) * 1000);
      const strict = vonageApp({ secret: vectorC.secret }, { clock });
      expect(
        (await strict.hit(request({ ...vectorC.params, sig: vectorC.withEmpty }, transport)))
          .status,
      ).toBe(204);
      expect(
        (await strict.hit(request({ ...vectorC.params, sig: vectorC.emptyDropped }, transport)))
          .status,
      ).toBe(401);
      const lenient = vonageApp({ secret: vectorC.secret, emptyValues: "sign-or-skip" }, { clock });
      expect(
        (await lenient.hit(request({ ...vectorC.params, sig: vectorC.emptyDropped }, transport)))
          .status,
      ).toBe(204);
    });
  });

  it("compares the signature case-insensitively", async () => {
    const { hit } = vonageApp(
      { secret: vectorB.secret, signatureMethod: "sha256hmac" },
      { clock: () => at },
    );
    const params = { ...vectorB.params, sig: vectorB.sigs.sha256hmac.toUpperCase() };
    expect((await hit(request(params, "GET", "/inbound"))).status).toBe(204);
  });

  it("ignores query parameters added to a POST's URL", async () => {
    const { hit, events } = vonageApp({ secret: vectorB.secret }, { clock: () => at });
    const req = request({ ...vectorB.params, sig: vectorB.sigs.md5hash }, "POST form", "/inbound");
    const res = await hit({ ...req, query: "extra=1&sig=0000&text=forged" });
    expect(res.status).toBe(204);
    expect(events[0]).toMatchObject({ text: "Hello & welcome=yes" });
  });
});

describe("vonageSms delivery receipts", () => {
  it("delivers the seed's receipt as the documented message.status", async () => {
    const { hit, events } = vonageApp();
    const params = signed(seedReceipt);
    expect((await hit(request(params, "GET"))).status).toBe(204);
    expect(events[0]).toEqual({
      type: "message.status",
      provider: "vonage-sms",
      id: "dlr:0A0000001234567B:delivered",
      verified: true,
      raw: params,
      messageId: "0A0000001234567B",
      to: "447700900000",
      recipients: ["447700900000"],
      status: "delivered",
      final: true,
      providerStatus: "delivered",
      price: { amount: "0.03330000" },
      occurredAt: new Date("2020-01-01T12:00:00Z"),
      carrierTimestamp: new Date("2020-01-01T14:00:00Z"),
      networkCode: "23430",
      clientRef: "my-reference",
      channel: "sms",
    });
  });

  it("answers the same receipt again as a duplicate, and handles the message's next status", async () => {
    const { hit, events } = vonageApp();
    const accepted = { ...seedReceipt, status: "accepted" };
    expect((await hit(request(signed(accepted), "POST form"))).status).toBe(204);
    const again = await hit(request(signed(accepted, "md5hash", nowSec + 30), "POST form"));
    expect(again.body).toEqual({ status: "duplicate" });
    expect((await hit(request(signed(seedReceipt), "POST form"))).status).toBe(204);
    expect(
      events.map((event) => event.type === "message.status" && [event.status, event.final]),
    ).toEqual([
      ["accepted", false],
      ["delivered", true],
    ]);
  });

  it.each([
    ["accepted", "0", "accepted", false, undefined],
    ["buffered", "0", "buffered", false, undefined],
    ["expired", "1", "expired", true, "Unknown: not delivered, and no reason could be determined"],
    ["failed", "6", "failed", true, "Anti-spam rejection: blocked by a carrier's anti-spam filter"],
    [
      "rejected",
      "4",
      "rejected",
      true,
      "Call barred by user: the user must ask their operator to remove the bar",
    ],
    ["unknown", "99", "unknown", false, "General error, typically in the route"],
    [
      "failed",
      "2",
      "failed",
      true,
      "Absent subscriber (temporary): the handset was temporarily unavailable; retry",
    ],
    [
      "failed",
      "3",
      "failed",
      true,
      "Absent subscriber (permanent): the number is no longer active",
    ],
    ["failed", "5", "failed", true, "Portability error: an issue with the number's portability"],
    ["failed", "77", "failed", true, "Undocumented Vonage error code 77"],
    ["failed", "constructor", "failed", true, "Undocumented Vonage error code constructor"],
    ["constructor", "toString", "unknown", false, "Undocumented Vonage error code toString"],
    ["paused", "0", "unknown", false, undefined],
  ])("maps status %s with err-code %s", async (status, code, common, final, message) => {
    const { hit, events } = vonageApp();
    await hit(request(signed({ ...seedReceipt, status, "err-code": code }), "GET"));
    expect(events[0]).toMatchObject({ status: common, final, providerStatus: status });
    const event = events[0] as Extract<SmsEvent, { type: "message.status" }>;
    expect(event.error).toEqual(message === undefined ? undefined : { code, message });
  });

  it("rejects a receipt without a messageId, or with a price that is not a decimal", async () => {
    const { hit } = vonageApp();
    const { messageId: _id, ...noId } = seedReceipt;
    const missing = await hit(request(signed(noId), "GET"));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("messageId");
    const price = await hit(request(signed({ ...seedReceipt, price: "cheap" }), "GET"));
    expect(price.status).toBe(400);
    expect(price.body.error.message).toContain("price");
  });
});

describe("vonageSms inbound SMS", () => {
  it("delivers the seed's inbound SMS as the documented message.received", async () => {
    const { hit, events } = vonageApp();
    const params = signed(seedInbound);
    expect((await hit(request(params, "POST JSON", "/inbound"))).status).toBe(204);
    expect(events[0]).toEqual({
      type: "message.received",
      provider: "vonage-sms",
      id: "in:0A0000000123ABCD1",
      verified: true,
      raw: params,
      messageId: "0A0000000123ABCD1",
      from: "447700900001",
      to: "447700900000",
      text: "Hello world",
      keyword: "HELLO",
      receivedAt: new Date("2020-01-01T12:00:00Z"),
      channel: "sms",
    });
  });

  it("keeps unicode text as sent", async () => {
    const { hit, events } = vonageApp();
    const params = signed({ ...seedInbound, type: "unicode", text: "Привет, 世界 👋 & =" });
    await hit(request(params, "GET", "/inbound"));
    expect(events[0]).toMatchObject({ text: "Привет, 世界 👋 & =" });
  });

  it("delivers a binary SMS with its data and user data header as hex", async () => {
    const { hit, events } = vonageApp();
    const params = signed({
      ...seedInbound,
      type: "binary",
      data: "EA0601AE02",
      udh: "0605040B8423F0",
    });
    await hit(request(params, "POST form", "/inbound"));
    expect(events[0]).toMatchObject({
      binary: { dataHex: "ea0601ae02", udhHex: "0605040b8423f0" },
    });
  });

  it.each(transports)(
    "treats __proto__ and constructor parameters as ordinary keys (%s)",
    async (transport) => {
      const { hit, events } = vonageApp();
      // JSON.parse makes "__proto__" an own property, as a parser of the request would.
      const odd = JSON.parse('{"__proto__":"x","constructor":"y"}') as Record<string, string>;
      const res = await hit(request(signed({ ...seedInbound, ...odd }), transport, "/inbound"));
      expect(res.status).toBe(204);
      const raw = events[0]!.raw as Record<string, string>;
      expect(Object.hasOwn(raw, "__proto__")).toBe(true);
      expect(raw["constructor"]).toBe("y");
      expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    },
  );
});

describe("vonageSms bad input", () => {
  it.each([
    ["a repeated key", "msisdn=1&msisdn=2&messageId=m&to=3&text=x", "repeated"],
    ["a nested-looking key", "msisdn=1&messageId=m&to=3&text[a]=x", "looks nested"],
  ])("answers %s in a form with 400 payload_invalid", async (_name, body, problem) => {
    const { hit } = vonageApp();
    const res = await hit({
      method: "POST",
      path: "/inbound",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
    expect(res.body.error.message).toContain(problem);
  });

  it("answers a nested-looking query key with 400, whatever Express's query parser does", async () => {
    const { hit } = vonageApp();
    const res = await hit({
      method: "GET",
      path: "/status",
      headers: {},
      query: "status[$gt]=a&messageId=m",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("looks nested");
  });

  it.each([
    ["a number", '{"msisdn":447700900001,"messageId":"m"}'],
    ["an object", '{"msisdn":"1","messageId":{"a":1}}'],
    ["null", '{"msisdn":null,"messageId":"m"}'],
  ])("answers a JSON value that is %s with 400 payload_invalid", async (_name, body) => {
    const { hit } = vonageApp();
    const res = await hit({
      method: "POST",
      path: "/inbound",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("must be a string");
  });

  it("reads a POST without a content type as JSON when it looks like JSON, as Vonage sends it", async () => {
    const events: SmsEvent[] = [];
    const app = express();
    app.use(
      smsWebhook.router(vonageSms({ secret }), {
        clock: () => now,
        logger: memoryLogger(),
        handler: (req, res) => {
          events.push(req.smsEvent);
          res.sendStatus(204);
        },
      }),
    );
    const res = await postRaw(app, "/inbound", JSON.stringify(signed(seedInbound)));
    expect(res.status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("answers another content type with 415", async () => {
    const { hit } = vonageApp();
    const res = await hit({
      method: "POST",
      path: "/inbound",
      headers: { "content-type": "text/plain" },
      body: "hi",
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("rejects a signed request without a timestamp", async () => {
    const { hit } = vonageApp();
    const params = { ...seedInbound, nonce: "n" };
    const { vonageSig } = await import("../../helpers/vonage-sms-signer.js");
    const res = await hit(
      request({ ...params, sig: vonageSig(params, secret, "md5hash") }, "GET", "/inbound"),
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_missing");
  });
});

// The string Vonage signs escapes `&` and `=` in values, not in keys: moving the `=` of one
// pair into a key re-cuts signed parameters into others that sign to the very same string.
function recut(params: Record<string, string>, run: readonly string[]): Record<string, string> {
  const sorted = Object.keys(params)
    .filter((key) => key !== "sig")
    .sort();
  const start = sorted.indexOf(run[0]!);
  expect(sorted.slice(start, start + run.length)).toEqual(run); // neighbours when sorted
  const merged = run
    .slice(0, -1)
    .map((key) => `${key}=${params[key]}`)
    .concat(run.at(-1)!)
    .join("&");
  const forged: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (!run.includes(key)) forged[key] = value;
  forged[merged] = params[run.at(-1)!]!;
  return forged;
}

describe("vonageSms re-cut parameters (forgeries from one captured request)", () => {
  it.each(transports)(
    "refuses a delivery receipt re-cut into an inbound SMS, over %s",
    async (transport) => {
      const { hit, events } = vonageApp();
      const receipt = signed({ ...seedReceipt, scts: "2501011400", "client-ref": "order-77" });
      expect((await hit(request(receipt, transport))).status).toBe(204);
      let forged = recut(receipt, ["scts", "status"]);
      forged = recut(forged, ["api-key", "client-ref", "err-code"]);
      expect(vonageSigOf(forged)).toBe(receipt.sig); // the attack is real: it signs the same
      const res = await hit(request(forged, transport));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("payload_invalid");
      expect(events.map((event) => event.type)).toEqual(["message.status"]);
    },
  );

  it("refuses part 1 of 2 of a concatenated SMS re-cut into a whole message", async () => {
    const { hit, events } = vonageApp();
    const part = signed({
      ...seedInbound,
      text: "Hello wor",
      concat: "true",
      "concat-ref": "AB",
      "concat-total": "2",
      "concat-part": "1",
    });
    const forged = recut(part, ["concat", "concat-part", "concat-ref", "concat-total"]);
    expect(vonageSigOf(forged)).toBe(part.sig);
    const res = await hit(request(forged, "POST form", "/inbound"));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
    expect((await hit(request(part, "POST form", "/inbound"))).body).toEqual({
      status: "part_received",
    });
    expect(events).toEqual([]);
  });

  it.each([
    ["status= and err-code=", { status: "", "err-code": "" }],
    ["status=%20", { status: " " }],
  ])(
    "with sign-or-skip, keeps an inbound SMS with %s added an inbound SMS",
    async (_title, added) => {
      const lenient = { secret, emptyValues: "sign-or-skip" } as const;
      const inbound = signed({ ...seedInbound });
      const forged = { ...inbound, ...added };
      const fresh = vonageApp(lenient);
      expect((await fresh.hit(request(forged, "POST form", "/inbound"))).status).toBe(204);
      expect(fresh.events).toMatchObject([{ type: "message.received", text: "Hello world" }]);
      expect(fresh.events[0]!.raw).not.toHaveProperty("status");

      const { hit, events } = vonageApp(lenient);
      expect((await hit(request(inbound, "POST form", "/inbound"))).status).toBe(204);
      const again = await hit(request(forged, "GET", "/status"));
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ status: "duplicate" });
      expect(events.map((event) => event.type)).toEqual(["message.received"]);
    },
  );
});

describe("vonageSms unsigned traffic", () => {
  it("rejects an unsigned request when a secret is configured", async () => {
    const { hit } = vonageApp();
    const res = await hit(request(seedInbound, "GET", "/inbound"));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_missing");
  });

  it("accepts unsigned traffic with allowUnsigned, unverified, warning once", async () => {
    const { hit, events, logger } = vonageApp({ allowUnsigned: true });
    await hit(request(seedInbound, "GET", "/inbound"));
    await hit(request({ ...seedReceipt }, "GET"));
    expect(events.map((event) => event.verified)).toEqual([false, false]);
    const notices = logger.entries.filter((entry) => entry.message.includes("allowUnsigned"));
    expect(notices).toHaveLength(1);
  });

  it("still checks a sig that is present when allowUnsigned is on", async () => {
    const { hit, events } = vonageApp({ secret, allowUnsigned: true });
    expect((await hit(request(signed(seedInbound), "GET", "/inbound"))).status).toBe(204);
    expect(events[0]?.verified).toBe(true);
    const forged = await hit(
      request({ ...signed(seedInbound), text: "forged" }, "GET", "/inbound"),
    );
    expect(forged.status).toBe(401);
  });

  it("needs a secret unless allowUnsigned, and a known method", () => {
    expect(() => vonageSms({})).toThrow('option "secret" is required');
    expect(() => vonageSms({})).toThrow(
      expect.objectContaining({ name: "OptionsError", code: "ERR_SMS_WEBHOOKS_MISSING_OPTION" }),
    );
    expect(() => vonageSms({ secret, signatureMethod: "sha384hmac" as never })).toThrow(
      'option "signatureMethod" must be one of md5hash',
    );
  });
});

describe("vonageSms concatenated SMS", () => {
  const long = ["The quick brown fox ", "jumps over ", "the lazy dog."];

  function part(
    index: number,
    options: { ref?: string; from?: string; to?: string; total?: number } = {},
  ) {
    return {
      ...seedInbound,
      msisdn: options.from ?? seedInbound.msisdn,
      to: options.to ?? seedInbound.to,
      messageId: `P${options.ref ?? "1"}-${options.from ?? "a"}-${options.to ?? "b"}-${index}`,
      text: long[index - 1]!,
      concat: "true",
      "concat-ref": options.ref ?? "1",
      "concat-total": String(options.total ?? 3),
      "concat-part": String(index),
    };
  }

  it("runs the handler once, with the text in order, for parts arriving 3, 1, 1, 2", async () => {
    const { hit, events } = vonageApp();
    const answers: [number, unknown][] = [];
    for (const index of [3, 1, 1, 2]) {
      const answer = await hit(request(signed(part(index)), "GET", "/inbound"));
      answers.push([answer.status, answer.body.status]);
    }
    expect(answers).toEqual([
      [200, "part_received"],
      [200, "part_received"],
      [200, "duplicate"],
      [204, undefined],
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "message.received",
      text: "The quick brown fox jumps over the lazy dog.",
      parts: ["P1-a-b-1", "P1-a-b-2", "P1-a-b-3"],
      messageId: "P1-a-b-1",
      from: seedInbound.msisdn,
      keyword: "HELLO",
    });
    expect(events[0]!.raw).toHaveLength(3);
  });

  it("keeps two senders (and two recipients) with the same concat-ref apart, interleaved", async () => {
    const { hit, events } = vonageApp();
    const a = (i: number) => part(i, { from: "111" });
    const b = (i: number) => part(i, { from: "222" });
    const c = (i: number) => part(i, { from: "111", to: "999" });
    const single = { ...seedInbound, msisdn: "111", messageId: "SINGLE" };
    for (const params of [a(1), b(2), c(3), single, a(2), b(1), c(1), b(3), c(2), a(3)]) {
      await hit(request(signed(params), "POST form", "/inbound"));
    }
    expect(
      events.map(
        (event) => event.type === "message.received" && `${event.from}>${event.to}:${event.text}`,
      ),
    ).toEqual([
      "111>447700900000:Hello world",
      "222>447700900000:The quick brown fox jumps over the lazy dog.",
      "111>999:The quick brown fox jumps over the lazy dog.",
      "111>447700900000:The quick brown fox jumps over the lazy dog.",
    ]);
  });

  it("puts the message together again when the handler fails on it and Vonage retries", async () => {
    let calls = 0;
    const texts: string[] = [];
    const { hit } = vonageApp({ secret }, {}, (req, res) => {
      calls++;
      const event = smsEventOf(req);
      if (event.type === "message.received") texts.push(event.text);
      res.sendStatus(calls === 1 ? 500 : 204);
    });
    await hit(request(signed(part(1, { ref: "9" })), "GET", "/inbound"));
    await hit(request(signed(part(2, { ref: "9" })), "GET", "/inbound"));
    expect((await hit(request(signed(part(3, { ref: "9" })), "GET", "/inbound"))).status).toBe(500);
    expect(
      (await hit(request(signed(part(3, { ref: "9" }), "md5hash", nowSec + 10), "GET", "/inbound")))
        .status,
    ).toBe(204);
    expect(
      (await hit(request(signed(part(2, { ref: "9" }), "md5hash", nowSec + 20), "GET", "/inbound")))
        .body,
    ).toEqual({
      status: "duplicate",
    });
    expect(texts).toEqual([long.join(""), long.join("")]);
  });

  it("puts the message together on the retry when the store answered the last part too late", async () => {
    // The add lands in the store, but its answer comes after storeTimeoutMs: 503, and Vonage
    // retries the part.
    const memory = new MemoryStore();
    let answerLate: (() => void) | undefined;
    const store: DedupeStore & PartStore = {
      claim: (key, leaseMs) => memory.claim(key, leaseMs),
      commit: (key, token, ttlMs) => memory.commit(key, token, ttlMs),
      release: (key, token) => memory.release(key, token),
      deleteGroup: (group) => memory.deleteGroup(group),
      addPart(...args) {
        const progress = memory.addPart(...args);
        // Only the first complete answer is held back; it comes once the client has had its 503.
        if (progress.complete === undefined || answerLate !== undefined) return progress;
        return new Promise((resolve) => (answerLate = () => resolve(progress)));
      },
    };
    const { hit, events } = vonageApp({ secret }, { store, storeTimeoutMs: 20 });
    const get = (index: number, at = nowSec) =>
      hit(request(signed(part(index, { ref: "late" }), "md5hash", at), "GET", "/inbound"));
    await get(1);
    await get(2);
    const first = await get(3);
    expect([first.status, first.body.error?.code]).toEqual([503, "store_unavailable"]);
    expect(answerLate).toBeDefined(); // the last part's answer was held back
    answerLate?.();
    // The late answer lands before the retry does, as when Vonage retries seconds later.
    await new Promise((resolve) => setImmediate(resolve));
    expect((await get(3, nowSec + 10)).status).toBe(204);
    expect((await get(3, nowSec + 20)).body).toEqual({ status: "duplicate" });
    expect(events.map((event) => event.type === "message.received" && event.text)).toEqual([
      long.join(""),
    ]);
  });

  it.each([
    ["in report mode, a part with a bad sig", { secret }, { mode: "report" as const }, "wrong"],
    ["with allowUnsigned, an unsigned part", { secret, allowUnsigned: true }, {}, undefined],
  ])(
    "keeps %s out of the genuine message",
    async (_name, providerOptions: VonageSmsOptions, options: SmsWebhookOptions, key) => {
      const { hit, events } = vonageApp(providerOptions, options);
      const forged = { ...part(1, { ref: "f" }), messageId: "FORGED", text: "PAY ATTACKER " };
      const forgedParams = key === undefined ? forged : signed(forged, "md5hash", nowSec, key);
      expect((await hit(request(forgedParams, "GET", "/inbound"))).status).toBe(200);
      for (const index of [1, 2, 3]) {
        await hit(request(signed(part(index, { ref: "f" })), "GET", "/inbound"));
      }
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ text: long.join(""), verified: true });
    },
  );

  it("logs a group that expired incomplete", async () => {
    const { hit, logger, events } = vonageApp(
      { secret, concatTtlMs: 30 },
      { store: new MemoryStore() },
    );
    await hit(request(signed(part(1, { ref: "lost" })), "GET", "/inbound"));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await hit(request(signed(part(1, { ref: "next" })), "GET", "/inbound"));
    const expired = logger.entries.find((entry) =>
      entry.message.includes("expired before all its parts"),
    );
    expect(expired?.details).toMatchObject({ total: 3, received: [1] });
    expect(String(expired?.details["group"])).toContain("lost");
    expect(events).toHaveLength(0);
  });

  it.each([
    ["a part beyond the total", { "concat-part": "4" }],
    ["a part numbered 0", { "concat-part": "0" }],
    ["a total that is not a number", { "concat-total": "three" }],
    ["a missing reference", { "concat-ref": undefined }],
  ])("rejects %s with 400 payload_invalid", async (_name, change) => {
    const { hit } = vonageApp();
    const params = Object.fromEntries(
      Object.entries({ ...part(1), ...change }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const res = await hit(request(signed(params), "GET", "/inbound"));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
  });

  it("treats a one-part 'concatenated' message as a whole message", async () => {
    const { hit, events } = vonageApp();
    const res = await hit(request(signed({ ...part(1), "concat-total": "1" }), "GET", "/inbound"));
    expect(res.status).toBe(204);
    expect(events[0]).toMatchObject({ text: long[0] });
  });
});

describe("vonageSms routes", () => {
  it("mounts GET and POST on /inbound and /status, and nothing else", async () => {
    const { hit } = vonageApp();
    const receipt = signed({ ...seedReceipt, messageId: "ROUTES" });
    expect((await hit(request(receipt, "GET", "/status"))).status).toBe(204);
    expect(
      (await hit(request(signed({ ...seedInbound, messageId: "R2" }), "POST form", "/inbound")))
        .status,
    ).toBe(204);
    expect((await hit(request(receipt, "GET", "/elsewhere"))).status).toBe(404);
  });
});
