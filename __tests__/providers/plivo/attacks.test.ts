// __tests__/providers/plivo/attacks.test.ts — one captured signed request in an attacker's hands: downgraded, moved, re-cut.

import { plivoSdk } from "../../helpers/sdk-signatures.js";
import { MemoryStore, plivo, smsWebhook, type SmsEvent } from "../../../lib/index.js";
import { express } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import {
  freshNonce,
  plivoForm,
  plivoRequest,
  plivoV2Signature,
  plivoV3Signature,
} from "../../helpers/plivo-signer.js";
import { p1, p2, token } from "./fixtures.js";

const origin = "https://hooks.example.com";
const mount = "/hooks/plivo";
type Entries = [string, string][];

/** The router at /hooks/plivo; `publicUrl: false` leaves the URL to Express. */
function app(options: { trustProxy?: boolean; publicUrl?: false } = {}) {
  const events: SmsEvent[] = [];
  const claims: string[] = [];
  const store = new MemoryStore();
  const claim = store.claim.bind(store);
  store.claim = (key, leaseMs) => {
    claims.push(key);
    return claim(key, leaseMs);
  };
  const logger = memoryLogger();
  const server = express();
  if (options.trustProxy !== undefined) server.set("trust proxy", options.trustProxy);
  server.use(
    mount,
    smsWebhook.router(
      plivo({ secret: token, ...(options.publicUrl === false ? {} : { publicUrl: origin }) }),
      {
        store,
        logger,
        handler: (req, res) => {
          events.push(req.smsEvent);
          res.sendStatus(204);
        },
      },
    ),
  );
  return { server, events, claims, logger };
}

const signed = (path: string, params: Record<string, string>, version: "v3" | "v2" = "v3") =>
  plivoRequest(origin, "POST", `${mount}${path}`, params, token, { version });

const inbound = () => ({ ...p1.params, MessageUUID: crypto.randomUUID() });
const status = () => ({ ...p2.params, MessageUUID: crypto.randomUUID() });

describe("plivo: no downgrade from V3 to V2", () => {
  it("refuses a request whose V3 signature fails, even with a valid V2 signature beside it", async () => {
    const { server, events } = app();
    const req = signed("/inbound", inbound());
    const url = `${origin}${mount}/inbound`;
    const nonce = freshNonce();
    const res = await send(server, {
      ...req,
      body: plivoForm({ ...inbound(), Text: "forged" }),
      headers: {
        ...req.headers,
        "x-plivo-signature-v2": plivoV2Signature(token, url, nonce),
        "x-plivo-signature-v2-nonce": nonce,
      },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(events).toHaveLength(0);
  });

  it("refuses V2 headers beside a V3 nonce whose signature was stripped (signature_missing)", async () => {
    const { server, events } = app();
    const req = signed("/inbound", inbound(), "v2");
    const res = await send(server, {
      ...req,
      headers: { ...req.headers, "x-plivo-signature-v3-nonce": freshNonce() },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_missing");
    expect(res.body.error.message).toContain("X-Plivo-Signature-V3");
    expect(events).toHaveLength(0);
  });

  it("refuses a V3 signature without its nonce", async () => {
    const { server } = app();
    const req = signed("/inbound", inbound());
    const { "x-plivo-signature-v3-nonce": _nonce, ...headers } = req.headers;
    const res = await send(server, { ...req, headers });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_missing");
    expect(res.body.error.message).toContain("Nonce");
  });
});

describe("plivo: a signature moved elsewhere", () => {
  it.each([
    ["a status callback replayed to /inbound", "/status", "/inbound", "v3"],
    ["a V2 inbound signature replayed to /status", "/inbound", "/status", "v2"],
  ] as const)("refuses %s", async (_name, from, to, version) => {
    const { server, events } = app();
    const req = signed(from, from === "/status" ? status() : inbound(), version);
    const res = await send(server, { ...req, path: `${mount}${to}` });
    expect(res.status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it.each([
    ["http:// where Plivo called https://", `http://hooks.example.com${mount}/inbound`],
    [
      "https://…:443 where Plivo called https://… (no port tolerance)",
      `https://hooks.example.com:443${mount}/inbound`,
    ],
  ])("refuses a request signed for %s", async (_name, signedUrl) => {
    const { server } = app();
    const params = inbound();
    const req = plivoRequest(origin, "POST", `${mount}/inbound`, params, token, { signedUrl });
    // Plivo's own SDK agrees: the scheme and the port are part of what it signed.
    const nonce = req.headers["x-plivo-signature-v3-nonce"]!;
    const signature = req.headers["x-plivo-signature-v3"]!;
    expect(
      plivoSdk.validateV3Signature(
        "POST",
        `${origin}${mount}/inbound`,
        nonce,
        token,
        signature,
        params,
      ),
    ).toBe(false);
    expect((await send(server, req)).status).toBe(401);
  });

  it("refuses a V3 query string changed after signing", async () => {
    const { server } = app();
    const params = status();
    const req = plivoRequest(origin, "POST", `${mount}/status`, params, token, {
      query: "tenant=acme",
    });
    expect((await send(server, req)).status).toBe(204);
    const moved = plivoRequest(origin, "POST", `${mount}/status`, status(), token, {
      query: "tenant=acme",
    });
    expect((await send(server, { ...moved, query: "tenant=other" })).status).toBe(401);
  });
});

describe("plivo behind a TLS-terminating proxy", () => {
  const arriving = (): TestRequest => {
    const req = signed("/inbound", inbound());
    return {
      ...req,
      headers: { ...req.headers, host: "hooks.example.com", "x-forwarded-proto": "https" },
    };
  };

  it("fails without trust proxy or publicUrl, and the log (not the answer) says what to set", async () => {
    const { server, logger } = app({ publicUrl: false });
    const res = await send(server, arriving());
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("hooks.example.com");
    const [entry] = logger.entries;
    expect(entry?.message).toContain(`checked against http://hooks.example.com${mount}/inbound`);
    expect(entry?.message).toContain("publicUrl");
    expect(entry?.message).toContain("-Ma-");
  });

  it("verifies once trust proxy lets Express read X-Forwarded-Proto", async () => {
    const { server } = app({ trustProxy: true, publicUrl: false });
    expect((await send(server, arriving())).status).toBe(204);
  });
});

// V3 signs a POST as url? + k1 + v1 + k2 + v2 … + "." + nonce, with no separators: a captured
// request can be re-sent with the boundaries moved and still verify (Plivo's SDK accepts it).
describe("plivo: re-cut parameters", () => {
  function recut(path: string, original: Entries, moved: Entries) {
    const nonce = freshNonce();
    const url = `${origin}${mount}${path}`;
    const signature = plivoV3Signature(token, "POST", url, nonce, Object.fromEntries(original));
    const sdkSays = plivoSdk.validateV3Signature(
      "POST",
      url,
      nonce,
      token,
      signature,
      Object.fromEntries(moved),
    );
    expect(sdkSays).toBe(true);
    const request = (entries: Entries): TestRequest => ({
      method: "POST",
      path: `${mount}${path}`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-plivo-signature-v3": signature,
        "x-plivo-signature-v3-nonce": nonce,
      },
      body: new URLSearchParams(entries).toString(),
    });
    return { captured: request(original), recut: request(moved) };
  }
  const without = (entries: Entries, ...keys: string[]) =>
    entries.filter(([key]) => !keys.includes(key));

  it("refuses ParentMessageUUID merged into MessageUUID (a fresh dedupe key), before the store", async () => {
    const { server, events, claims } = app();
    const dlr = Object.entries(status());
    const uuid = dlr.find(([key]) => key === "MessageUUID")![1];
    const parent = dlr.find(([key]) => key === "ParentMessageUUID")![1];
    const { recut: req } = recut("/status", dlr, [
      ...without(dlr, "MessageUUID", "ParentMessageUUID"),
      ["MessageUUID", `${uuid}ParentMessageUUID${parent}`],
    ]);
    const res = await send(server, req);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("MessageUUID");
    expect(events).toHaveLength(0);
    expect(claims).toHaveLength(0);
  });

  it("refuses To merged into Text: an inbound message always carries To", async () => {
    const { server, events } = app();
    const sms = Object.entries(inbound());
    const { recut: req } = recut("/inbound", sms, [
      ...without(sms, "Text", "To"),
      ["Text", "Hello thereTo14155550199"],
    ]);
    expect((await send(server, req)).status).toBe(400);
    expect(events).toHaveLength(0);
  });

  it("refuses a status word that swallowed the parameters after it", async () => {
    const { server, events } = app();
    const dlr = Object.entries(status());
    const { recut: req } = recut("/status", dlr, [
      ...without(dlr, "Status", "To"),
      ["Status", "deliveredTo14155550100"],
    ]);
    expect((await send(server, req)).status).toBe(400);
    expect(events).toHaveLength(0);
  });

  it("refuses a re-cut of free text once the genuine request was handled: the signature is bound to it", async () => {
    const { server, events } = app();
    const sms = [...without(Object.entries(inbound()), "Text"), ["Text", "Hello There"]] as Entries;
    // "TextHello There": Text "Hello " and a new key "There" (between Text and To) with "".
    const { captured, recut: req } = recut("/inbound", sms, [
      ...without(sms, "Text"),
      ["Text", "Hello "],
      ["There", ""],
    ]);
    expect((await send(server, captured)).status).toBe(204);
    const res = await send(server, req);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_reused");
    expect(events.map((event) => event.type === "message.received" && event.text)).toEqual([
      "Hello There",
    ]);
  });
});
