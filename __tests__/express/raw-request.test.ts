// __tests__/express/raw-request.test.ts — the URL the client called, as Express's trust proxy sees it.

import { smsWebhook, type Provider } from "../../lib/index.js";
import { express } from "../helpers/app.js";
import { send } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";

// A provider that accepts everything and reports the full URL it was shown.
function urlEcho(seen: string[]): Provider<undefined, undefined> {
  return {
    name: "url-echo",
    defaults: { toleranceSec: 300, dedupeTtlMs: 3_600_000 },
    verify(req) {
      seen.push(req.fullUrl?.() ?? "none");
      return undefined;
    },
    dedupeKey: () => String(seen.length),
    normalize: (_payload, context) => ({
      type: "unknown",
      eventName: "echo",
      occurredAt: context.receivedAt,
    }),
  };
}

async function fullUrlSeen(trustProxy: boolean | undefined, headers: Record<string, string>) {
  const seen: string[] = [];
  const app = express();
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  app.use(
    "/hooks/echo",
    smsWebhook.router(urlEcho(seen), {
      logger: memoryLogger(),
      handler: (_req, res) => res.sendStatus(204),
    }),
  );
  const res = await send(app, {
    method: "POST",
    path: "/hooks/echo?a=1&b=%20",
    headers: { host: "app.internal:8080", ...headers },
    body: "x",
  });
  expect(res.status).toBe(204);
  return seen[0];
}

const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "hooks.example.com" };

describe("RawRequest.fullUrl from Express", () => {
  it("is the scheme, Host (port kept) and original URL, mount path and query included", async () => {
    expect(await fullUrlSeen(undefined, {})).toBe("http://app.internal:8080/hooks/echo?a=1&b=%20");
  });

  it("ignores forwarded headers unless trust proxy trusts the peer", async () => {
    expect(await fullUrlSeen(undefined, forwarded)).toBe(
      "http://app.internal:8080/hooks/echo?a=1&b=%20",
    );
    expect(await fullUrlSeen(false, forwarded)).toBe(
      "http://app.internal:8080/hooks/echo?a=1&b=%20",
    );
  });

  it("takes X-Forwarded-Proto and the first X-Forwarded-Host when trust proxy says so", async () => {
    const headers = { ...forwarded, "x-forwarded-host": "hooks.example.com, inner.example" };
    expect(await fullUrlSeen(true, headers)).toBe("https://hooks.example.com/hooks/echo?a=1&b=%20");
  });
});
