// __tests__/providers/twilio/recut.test.ts — re-cutting a captured request's parameters, as an attacker would.

import { twilioSdk } from "../../helpers/sdk-signatures.js";
import { MemoryStore, smsWebhook, twilio, type SmsEvent } from "../../../lib/index.js";
import { express } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import { twilioSignature } from "../../helpers/twilio-signer.js";
import { token, w1, w2 } from "./fixtures.js";

// Twilio signs url + k1 + v1 + k2 + v2 … with no separators. A captured request can be re-sent
// with the boundaries moved (a parameter merged into its neighbour's value, or a value's tail
// split off as a new parameter): the string to sign, and so the signature, stay the same.

const origin = "https://example.com";
type Entries = [string, string][];

/** The string Twilio signs for form `entries` (sorted keys, key + value). */
function stringToSign(url: string, entries: Entries): string {
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .reduce((acc, [k, v]) => acc + k + v, url);
}

/** A captured request at `path`, and a re-cut of it that signs the same. */
function capturedAndRecut(path: string, original: Entries, recut: Entries) {
  const url = origin + path;
  expect(stringToSign(url, recut)).toBe(stringToSign(url, original));
  const signature = twilioSignature(token, url, Object.fromEntries(original));
  // Twilio's own SDK accepts the re-cut: it checks nothing beyond the signature.
  expect(twilioSdk.validateRequest(token, signature, url, Object.fromEntries(recut))).toBe(true);
  const request = (entries: Entries): TestRequest => ({
    method: "POST",
    path,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
    },
    body: new URLSearchParams(entries).toString(),
  });
  return { captured: request(original), recut: request(recut) };
}

function app() {
  const events: SmsEvent[] = [];
  const store = new MemoryStore();
  const claims: string[] = [];
  const claim = store.claim.bind(store);
  store.claim = (key, leaseMs) => {
    claims.push(key);
    return claim(key, leaseMs);
  };
  const server = express();
  server.use(
    smsWebhook.router(twilio({ secret: token, publicUrl: origin }), {
      store,
      logger: memoryLogger(),
      handler: (req, res) => {
        events.push(req.smsEvent);
        res.sendStatus(204);
      },
    }),
  );
  return { server, events, claims };
}

const status = (): Entries => Object.entries(w2.params);
const without = (entries: Entries, ...keys: string[]) =>
  entries.filter(([key]) => !keys.includes(key));

describe("twilio: re-cut parameters", () => {
  it("refuses MessageStatus merged into MessageSid (a fresh dedupe key), before the store", async () => {
    const { server, events, claims } = app();
    const { recut } = capturedAndRecut("/status", status(), [
      ...without(status(), "MessageSid", "MessageStatus"),
      ["MessageSid", `${w2.params["MessageSid"]}MessageStatusdelivered`],
    ]);
    const res = await send(server, recut);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
    expect(events).toHaveLength(0);
    expect(claims).toHaveLength(0);
  });

  it("refuses RawDlrDoneDate merged into MessageStatus (a status word of its own)", async () => {
    const { server, events } = app();
    const { recut } = capturedAndRecut("/status", status(), [
      ...without(status(), "MessageStatus", "RawDlrDoneDate"),
      ["MessageStatus", "deliveredRawDlrDoneDate2501011200"],
    ]);
    expect((await send(server, recut)).status).toBe(400);
    expect(events).toHaveLength(0);
  });

  it("refuses keys merged into one that is not Twilio's shape (ApiVersion + From)", async () => {
    const { server, events } = app();
    // "ApiVersion2010-04-01From+15005550006": one key "ApiVersion2010-04-01From", From gone.
    const { recut } = capturedAndRecut("/status", status(), [
      ...without(status(), "ApiVersion", "From"),
      ["ApiVersion2010-04-01From", "+15005550006"],
    ]);
    const res = await send(server, recut);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("ApiVersion2010-04-01From");
    expect(events).toHaveLength(0);
  });

  it("refuses media merged away: MediaUrl0 into MediaContentType0 disagrees with NumMedia", async () => {
    const { server, events } = app();
    const mms: Entries = [
      ...without(Object.entries(w1.params), "NumMedia"),
      ["NumMedia", "1"],
      ["MediaContentType0", "image/jpeg"],
      ["MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"],
    ];
    const { recut } = capturedAndRecut("/inbound", mms, [
      ...without(mms, "MediaContentType0", "MediaUrl0"),
      [
        "MediaContentType0",
        "image/jpegMediaUrl0https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
      ],
    ]);
    const res = await send(server, recut);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("MediaUrl0");
    expect(events).toHaveLength(0);
  });

  it("refuses Body split away: an inbound message always carries Body", async () => {
    const { server, events } = app();
    const original: Entries = without(Object.entries(w1.params), "Body").concat([
      ["Body", "Call me"],
    ]);
    // "BodyCall me": Body gone, a key "BodyCall" with " me" (it sorts between Body and From).
    const { recut } = capturedAndRecut("/inbound", original, [
      ...without(original, "Body"),
      ["BodyCall", " me"],
    ]);
    expect((await send(server, recut)).status).toBe(400);
    expect(events).toHaveLength(0);
  });

  it("answers a re-cut of free text as a duplicate once the genuine request was handled", async () => {
    const { server, events } = app();
    const original: Entries = without(Object.entries(w1.params), "Body").concat([
      ["Body", "hi Call me"],
    ]);
    // "Bodyhi Call me": Body "hi " and a new key "Call" (between Body and From) with " me".
    const { captured, recut } = capturedAndRecut("/inbound", original, [
      ...without(original, "Body"),
      ["Body", "hi "],
      ["Call", " me"],
    ]);
    expect((await send(server, captured)).status).toBe(204);
    const res = await send(server, recut);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "duplicate" });
    expect(events.map((event) => event.type === "message.received" && event.text)).toEqual([
      "hi Call me",
    ]);
  });
});
