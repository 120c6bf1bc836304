// __tests__/inspector/pending-messages.test.ts — concatenated messages waiting for parts, and when
// they stop waiting.

import { PendingMessages } from "../../lib/inspector/pending-messages.js";
import { summarizer } from "../../lib/inspector/summary.js";
import type { OutcomeRecord } from "../../lib/index.js";

const group = "concat:447700900001:447700900000:ab:3";

function part(index: number, at: Date, of = group): OutcomeRecord {
  return {
    at,
    provider: "vonage-sms",
    route: { method: "POST", path: "/inbound" },
    outcome: "part",
    status: 200,
    code: undefined,
    eventType: undefined,
    eventId: `in:${index}`,
    durationMs: 1,
    storeMs: 0,
    hint: undefined,
    event: undefined,
    part: { group: of, index, total: 3 },
  };
}

function delivered(eventId: string, at: Date): OutcomeRecord {
  return { ...part(3, at), outcome: "delivered", status: 204, eventId, part: undefined };
}

describe("PendingMessages", () => {
  const summarize = summarizer(false);
  const observe = (pending: PendingMessages, record: OutcomeRecord) =>
    pending.observe(record, summarize(record, 1));
  const t0 = new Date("2026-11-29T10:00:00Z");
  const later = (ms: number) => new Date(t0.getTime() + ms);

  it("counts distinct parts received, with the group masked", () => {
    const pending = new PendingMessages({ ttlMs: 60_000, capacity: 10 });
    observe(pending, part(1, t0));
    observe(pending, part(1, later(1)));
    observe(pending, part(3, later(2)));
    expect(pending.list(later(3).getTime())).toEqual([
      {
        group: "concat:44 •• •••• ••01:44 •• •••• ••00:ab:3",
        provider: "vonage-sms",
        received: 2,
        total: 3,
        firstAt: t0.toISOString(),
        lastAt: later(2).toISOString(),
      },
    ]);
  });

  it("forgets a message once it is delivered, its id being the group", () => {
    const pending = new PendingMessages({ ttlMs: 60_000, capacity: 10 });
    observe(pending, part(1, t0));
    observe(pending, delivered(group, later(1)));
    expect(pending.list(later(2).getTime())).toEqual([]);
  });

  it("forgets a message whose parts stopped coming, and the oldest beyond capacity", () => {
    const pending = new PendingMessages({ ttlMs: 60_000, capacity: 2 });
    observe(pending, part(1, t0, "a:1"));
    observe(pending, part(1, later(10), "b:1"));
    observe(pending, part(1, later(20), "c:1"));
    expect(pending.list(later(30).getTime()).map((message) => message.group)).toEqual([
      "c:1",
      "b:1",
    ]);
    expect(pending.list(later(60_015).getTime()).map((message) => message.group)).toEqual(["c:1"]);
  });
});
