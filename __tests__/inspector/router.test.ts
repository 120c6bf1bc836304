// __tests__/inspector/router.test.ts — the inspector's router over HTTP: who may see it, the
// headers that keep the page inert, the JSON and its filters, escaping and masking.

import express from "express";
import request from "supertest";
import {
  createInspector,
  OptionsError,
  silentLogger,
  type OutcomeRecord,
} from "../../lib/index.js";
import { hostilePart, hostileRecord, payload } from "../helpers/hostile-record.js";
import { sendTraffic, startInspectedApp } from "../helpers/inspected-app.js";

function appWith(
  authorize: (req: express.Request) => boolean | Promise<boolean>,
  options?: Parameters<typeof createInspector>[0],
) {
  const inspector = createInspector(options);
  const app = express();
  app.use("/_webhooks", inspector.router({ authorize, logger: silentLogger }));
  return { app, inspector };
}

function outcome(changes: Partial<OutcomeRecord>): OutcomeRecord {
  return { ...hostileRecord(), provider: "twilio", ...changes };
}

describe("createInspector", () => {
  it("refuses a router without authorize: there is no open default", () => {
    const inspector = createInspector();
    expect(() => inspector.router({} as never)).toThrow(OptionsError);
    expect(() => inspector.router(undefined as never)).toThrow(
      expect.objectContaining({
        code: "ERR_SMS_WEBHOOKS_MISSING_OPTION",
        message: expect.stringMatching(
          /option "authorize" is required: it must be a function .*there is no open default/,
        ),
      }),
    );
    expect(() => inspector.router({ authorize: true } as never)).toThrow(
      /option "authorize" must be a function/,
    );
  });

  it("checks its own options at construction", () => {
    expect(() => createInspector({ capacity: 0 })).toThrow(/option "capacity" must be at least 1/);
    expect(() => createInspector({ capacity: 1.5 })).toThrow(OptionsError);
    expect(() => createInspector({ showContent: "yes" } as never)).toThrow(OptionsError);
    expect(() => createInspector({ capacty: 10 } as never)).toThrow(/unknown option "capacty"/);
  });
});

describe("authorize", () => {
  const securityHeaders = {
    "content-security-policy": expect.stringMatching(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';.*frame-ancestors 'none'/,
    ),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
  };

  it("answers 403 when it says false, or anything but true", async () => {
    for (const answer of [false, "yes", 1, undefined]) {
      const { app } = appWith(() => answer as boolean);
      const page = await request(app).get("/_webhooks/");
      expect(page.status).toBe(403);
      expect(page.text).not.toContain("<html");
      const api = await request(app).get("/_webhooks/api/deliveries");
      expect(api.status).toBe(403);
      expect(api.body).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
      expect(api.headers).toMatchObject(securityHeaders);
    }
  });

  it("answers 500, never the page, when it throws or rejects", async () => {
    for (const authorize of [
      () => {
        throw new Error("session store down");
      },
      () => Promise.reject(new Error("session store down")),
    ]) {
      const { app } = appWith(authorize);
      const page = await request(app).get("/_webhooks/");
      expect(page.status).toBe(500);
      expect(page.text).not.toContain("<html");
      expect(page.text).not.toContain("session store down");
    }
  });

  it("lets in what it allows, also asynchronously, with the security headers", async () => {
    const { app } = appWith(async () => Promise.resolve(true));
    const page = await request(app).get("/_webhooks/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers).toMatchObject(securityHeaders);
    expect(page.text).toContain("No requests seen yet");
  });
});

describe("GET /api/deliveries", () => {
  it("lists what the webhook routes answered, newest first, with counts and pending parts", async () => {
    const inspected = await startInspectedApp();
    try {
      const sent = await sendTraffic(inspected.url);
      const { deliveries, counts, pending } = (await (
        await fetch(`${inspected.url}/_webhooks/api/deliveries`)
      ).json()) as {
        deliveries: { seq: number; outcome: string; content: unknown }[];
        counts: { provider: string }[];
        pending: unknown[];
      };
      expect(deliveries).toHaveLength(sent);
      const seqs = deliveries.map((delivery) => delivery.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(counts.map((count) => count.provider)).toEqual([
        "android-sms-gateway",
        "mifumo",
        "twilio",
        "vonage-messages",
        "vonage-sms",
      ]);
      expect(pending).toHaveLength(1);
      // Summaries only: no event, and none of its numbers or texts.
      const json = JSON.stringify(deliveries);
      expect(json).not.toContain('"raw"');
      for (const event of inspected.events) {
        if (event.type !== "message.received") continue;
        expect(json).not.toContain(event.from);
        expect(json).not.toContain(event.text);
      }
    } finally {
      await inspected.close();
    }
  });

  it("filters by provider, outcome and code, and limits", async () => {
    const { app, inspector } = appWith(() => true);
    void inspector.onOutcome(outcome({ outcome: "delivered", code: undefined, hint: undefined }));
    void inspector.onOutcome(outcome({ outcome: "rejected", code: "signature_invalid" }));
    void inspector.onOutcome(outcome({ provider: "mifumo", outcome: "rejected" }));
    void inspector.onOutcome(outcome({ outcome: "rejected", code: "timestamp_out_of_window" }));
    const seqs = async (query: string) =>
      (
        (await request(app).get(`/_webhooks/api/deliveries?${query}`).expect(200)).body as {
          deliveries: { seq: number }[];
        }
      ).deliveries.map((delivery) => delivery.seq);
    expect(await seqs("")).toEqual([4, 3, 2, 1]);
    expect(await seqs("provider=twilio&outcome=rejected")).toEqual([4, 2]);
    expect(await seqs("code=signature_invalid")).toEqual([3, 2]);
    expect(await seqs("outcome=rejected&limit=1")).toEqual([4]);
    expect(await seqs("outcome=&code=")).toEqual([4, 3, 2, 1]);
  });

  it("answers 400 to a filter that can match nothing, rather than an empty list", async () => {
    const { app, inspector } = appWith(() => true, { capacity: 10 });
    void inspector.onOutcome(outcome({}));
    for (const [query, message] of [
      ["outcome=rejectd", /outcome must be one of delivered, duplicate, part/],
      ["code=bad_signature", /code must be one of raw_body_unavailable/],
      ["provider=twilo", /no delivery from "twilo" was seen/],
      ["limit=0", /limit must be a whole number from 1 to 10/],
      ["limit=11", /limit must be a whole number from 1 to 10/],
      ["limit=2.5", /limit must be a whole number/],
      ["outcom=rejected", /unknown parameter "outcom"/],
      ["outcome=rejected&outcome=delivered", /outcome must be given once/],
    ] as const) {
      const answer = await request(app).get(`/_webhooks/api/deliveries?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("invalid_query");
      expect(answer.body.error.message).toMatch(message);
    }
    const page = await request(app).get("/_webhooks/?outcome=rejectd");
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("outcome must be one of");
    expect((await request(app).get("/_webhooks/?refresh=1")).status).toBe(400);
    expect((await request(app).get("/_webhooks/?refresh=10")).text).toContain(
      '<meta http-equiv="refresh" content="10" />',
    );
  });

  it("keeps at most `capacity` records", async () => {
    const { app, inspector } = appWith(() => true, { capacity: 2 });
    for (let i = 0; i < 5; i++) void inspector.onOutcome(outcome({}));
    const { body } = await request(app).get("/_webhooks/api/deliveries").expect(200);
    const deliveries = body.deliveries as { seq: number }[];
    expect(deliveries.map((delivery) => delivery.seq)).toEqual([5, 4]);
    expect(body.counts[0].counts.let_through).toBe(5);
  });

  it("cuts every long string it keeps, whatever a request carried", async () => {
    const { app, inspector } = appWith(() => true, { showContent: true });
    const long = "x".repeat(20_000);
    void inspector.onOutcome(
      outcome({ route: { method: "POST", path: `/${long}` }, eventId: long, hint: long }),
    );
    const { body } = await request(app).get("/_webhooks/api/deliveries").expect(200);
    const [kept] = body.deliveries as { route: { path: string }; eventId: string; hint: string }[];
    expect(kept!.route.path).toHaveLength(300);
    expect(kept!.route.path.endsWith("…")).toBe(true);
    expect(kept!.eventId).toHaveLength(300);
    expect(kept!.hint).toHaveLength(1000);
  });
});

describe("what the inspector shows", () => {
  it("masks numbers and texts unless showContent", async () => {
    const record = outcome({
      event: { ...hostileRecord().event!, from: "+447700900089", text: "meet at 9" } as never,
      eventId: "msg:message.delivered:447700900089",
    });
    const masked = appWith(() => true);
    void masked.inspector.onOutcome(record);
    const { body } = await request(masked.app).get("/_webhooks/api/deliveries").expect(200);
    expect(body.deliveries[0].content.from).toBe("+44 •• •••• ••89");
    expect(body.deliveries[0].content.text).toBe("[9 chars]");
    expect(body.deliveries[0].eventId).toBe("msg:message.delivered:44 •• •••• ••89");
    const shown = appWith(() => true, { showContent: true });
    void shown.inspector.onOutcome(record);
    const answer = await request(shown.app).get("/_webhooks/api/deliveries").expect(200);
    expect(answer.body.deliveries[0].content.from).toBe("+447700900089");
    expect(answer.body.deliveries[0].content.text).toBe("meet at 9");
  });

  it("escapes markup and quotes in every field of the page", async () => {
    const { app, inspector } = appWith(() => true, { showContent: true });
    void inspector.onOutcome(hostileRecord());
    void inspector.onOutcome(hostilePart());
    const page = await request(app).get("/_webhooks/").expect(200);
    expect(page.text).not.toContain("<script");
    expect(page.text).not.toContain("<img");
    expect(page.text).not.toContain(payload);
    const escaped = "&quot;&#39;&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;";
    for (const field of ["prov", "/hooks/", "id", "hint", "text", "to", "group"]) {
      expect(page.text).toContain(`${field}${escaped}`);
    }
  });
});
