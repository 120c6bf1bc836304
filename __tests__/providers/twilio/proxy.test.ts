// __tests__/providers/twilio/proxy.test.ts — the URL Twilio signed, behind proxies, tunnels and odd ports.

import { twilioSdk } from "../../helpers/sdk-signatures.js";
import {
  createPipeline,
  MemoryStore,
  smsWebhook,
  twilio,
  type TwilioOptions,
} from "../../../lib/index.js";
import { express } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import { twilioSignature } from "../../helpers/twilio-signer.js";
import { token, w1 } from "./fixtures.js";

let next = 0;
const params = () => ({ ...w1.params, MessageSid: `SM${String(++next).padStart(32, "0")}` });
const path = "/hooks/twilio/inbound";

/**
 * A real Express app with the router mounted at /hooks/twilio, as it runs behind a proxy that
 * terminates TLS: `trust proxy` as given (undefined: Express's default, trust nothing).
 */
function appBehindProxy(
  trustProxy: boolean | string | undefined,
  options: Partial<TwilioOptions> = {},
) {
  const logger = memoryLogger();
  const app = express();
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  app.use(
    "/hooks/twilio",
    smsWebhook.router(twilio({ secret: token, ...options }), {
      logger,
      handler: (_req, res) => res.sendStatus(204),
    }),
  );
  return { app, logger };
}

/**
 * What reaches the app: Twilio signed `signedUrl`; the app is called at `path` (and `query`)
 * over plain HTTP with `headers` (Host, X-Forwarded-*) as the proxy sets them.
 */
function arriving(signedUrl: string, headers: Record<string, string>, query?: string): TestRequest {
  const sent = params();
  return {
    method: "POST",
    path,
    ...(query === undefined ? {} : { query }),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSignature(token, signedUrl, sent),
      ...headers,
    },
    body: new URLSearchParams(sent).toString(),
  };
}

const proxied = { host: "hooks.example.com", "x-forwarded-proto": "https" };
const publicUrl = `https://hooks.example.com${path}`;

describe("twilio behind a TLS-terminating proxy (https at the proxy, http at the app)", () => {
  it("fails without trust proxy or publicUrl, and the log (not the answer) says what to set", async () => {
    const { app, logger } = appBehindProxy(undefined);
    const res = await send(app, arriving(publicUrl, proxied));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(res.text).not.toContain("hooks.example.com");
    expect(res.text).not.toContain("publicUrl");
    const [entry] = logger.entries;
    expect(entry?.message).toContain(`checked against http://hooks.example.com${path}`);
    expect(entry?.message).toContain("publicUrl");
    expect(entry?.message).toContain('app.set("trust proxy"');
  });

  it("verifies once trust proxy lets Express read X-Forwarded-Proto", async () => {
    const { app } = appBehindProxy(true);
    expect((await send(app, arriving(publicUrl, proxied))).status).toBe(204);
  });

  it("takes the public host from X-Forwarded-Host when the proxy rewrites Host", async () => {
    const { app } = appBehindProxy("loopback");
    const headers = {
      host: "app.internal:8080",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "hooks.example.com",
    };
    expect((await send(app, arriving(publicUrl, headers))).status).toBe(204);
  });

  it("ignores forwarded headers from a peer trust proxy does not trust", async () => {
    const { app } = appBehindProxy("10.0.0.0/8");
    expect((await send(app, arriving(publicUrl, proxied))).status).toBe(401);
  });

  it("verifies with a publicUrl string, whatever Host and X-Forwarded-* say", async () => {
    const { app } = appBehindProxy(undefined, { publicUrl: "https://hooks.example.com/" });
    const headers = { host: "app.internal:8080", "x-forwarded-host": "evil.example" };
    expect((await send(app, arriving(publicUrl, headers))).status).toBe(204);
  });

  it("puts a path prefix the proxy strips back from a publicUrl string", async () => {
    const { app } = appBehindProxy(undefined, { publicUrl: "https://hooks.example.com/api/" });
    const signed = `https://hooks.example.com/api${path}`;
    expect((await send(app, arriving(signed, { host: "app.internal" }))).status).toBe(204);
  });

  it("verifies with a publicUrl function that returns the whole URL", async () => {
    const seen: string[] = [];
    const { app } = appBehindProxy(undefined, {
      publicUrl: (req) => {
        seen.push(req.url);
        return `https://tenant-a.hooks.example.com${req.url}`;
      },
    });
    const signed = `https://tenant-a.hooks.example.com${path}?tenant=a`;
    expect((await send(app, arriving(signed, {}, "tenant=a"))).status).toBe(204);
    expect(seen).toEqual([`${path}?tenant=a`]);
  });

  it("signs the query string as received: the same parameters reordered fail", async () => {
    const { app } = appBehindProxy(undefined, { publicUrl: "https://hooks.example.com" });
    const signed = `${publicUrl}?tenant=acme&x=1`;
    expect((await send(app, arriving(signed, {}, "tenant=acme&x=1"))).status).toBe(204);
    expect((await send(app, arriving(signed, {}, "x=1&tenant=acme"))).status).toBe(401);
  });

  it("refuses http:// signed where https:// is seen, and a trailing slash", async () => {
    const { app } = appBehindProxy(undefined, { publicUrl: "https://hooks.example.com" });
    expect((await send(app, arriving(publicUrl.replace("https", "http"), {}))).status).toBe(401);
    expect((await send(app, arriving(`${publicUrl}/`, {}))).status).toBe(401);
  });
});

describe("twilio and ports, as twilio's SDK tries them", () => {
  const at8443 = `https://hooks.example.com:8443${path}`;

  it("verifies a non-default port signed and seen (trust proxy passing the port through)", async () => {
    const { app } = appBehindProxy(true);
    const headers = { host: "hooks.example.com:8443", "x-forwarded-proto": "https" };
    expect((await send(app, arriving(at8443, headers))).status).toBe(204);
  });

  it("verifies a URL signed without its port and seen at :8443, and refuses the reverse", async () => {
    const seenAt8443 = appBehindProxy(undefined, { publicUrl: "https://hooks.example.com:8443" });
    expect((await send(seenAt8443.app, arriving(publicUrl, {}))).status).toBe(204);
    const seenWithout = appBehindProxy(undefined, { publicUrl: "https://hooks.example.com" });
    expect((await send(seenWithout.app, arriving(at8443, {}))).status).toBe(401);
    // As twilio's own validateRequest answers the same two cases.
    const sent = params();
    expect(
      twilioSdk.validateRequest(token, twilioSignature(token, publicUrl, sent), at8443, sent),
    ).toBe(true);
    expect(
      twilioSdk.validateRequest(token, twilioSignature(token, at8443, sent), publicUrl, sent),
    ).toBe(false);
  });

  it("accepts the default port both ways: signed with :443, seen without, and back", async () => {
    const { app } = appBehindProxy(true);
    const with443 = `https://hooks.example.com:443${path}`;
    expect((await send(app, arriving(with443, proxied))).status).toBe(204);
    const seenWith443 = { host: "hooks.example.com:443", "x-forwarded-proto": "https" };
    expect((await send(app, arriving(publicUrl, seenWith443))).status).toBe(204);
    const plain = appBehindProxy(undefined);
    const at80 = { host: "hooks.example.com" };
    expect(
      (await send(plain.app, arriving(`http://hooks.example.com:80${path}`, at80))).status,
    ).toBe(204);
  });
});

describe("twilio's own twilio.webhook() on the same traffic", () => {
  it("answers 403 behind a TLS proxy Express does not trust: it builds http:// (twilio-node#321)", async () => {
    const app = express();
    app.set("trust proxy", false);
    app.use(express.urlencoded({ extended: false }));
    app.post(path, twilioSdk.webhook(token), (_req, res) => res.sendStatus(204));
    expect((await send(app, arriving(publicUrl, proxied))).status).toBe(403);
  });
});

describe("twilio without a URL to check", () => {
  it("answers 500 and logs that publicUrl is needed when the adapter gives no fullUrl", async () => {
    const logger = memoryLogger();
    const pipeline = createPipeline(twilio({ secret: token }), {
      store: new MemoryStore(),
      logger,
    });
    const req = arriving(publicUrl, {});
    const outcome = await pipeline.receive({
      method: "POST",
      url: path,
      rawQuery: "",
      headers: req.headers,
      rawBody: Buffer.from(req.body ?? ""),
    });
    expect(outcome).toMatchObject({
      type: "reject",
      error: { code: "internal_error", status: 500 },
    });
    expect(JSON.stringify(outcome.type === "reject" ? outcome.error : {})).not.toContain(
      "publicUrl",
    );
    expect(logger.entries[0]?.details["cause"]).toContain("publicUrl");
  });

  it("refuses a publicUrl that is not an http(s) origin at construction", () => {
    for (const bad of [
      "hooks.example.com",
      "ftp://x.example",
      "https://x.example/?a=1",
      "https://x.example/#f",
      "",
    ]) {
      expect(() => twilio({ secret: token, publicUrl: bad })).toThrow(/option "publicUrl"/);
    }
    expect(() => twilio({ secret: token, publicUrl: 42 as unknown as string })).toThrow(
      /publicUrl/,
    );
  });
});
