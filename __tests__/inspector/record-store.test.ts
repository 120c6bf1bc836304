// __tests__/inspector/record-store.test.ts — a bounded ring of summaries, filtered newest first.

import { RecordStore } from "../../lib/inspector/record-store.js";
import type { InspectorRecord } from "../../lib/index.js";

function record(seq: number, changes: Partial<InspectorRecord> = {}): InspectorRecord {
  return {
    seq,
    at: new Date(seq * 1000).toISOString(),
    provider: "twilio",
    route: { method: "POST", path: "/inbound" },
    outcome: "delivered",
    status: 204,
    code: null,
    eventType: "message.received",
    eventId: `SM${seq}`,
    durationMs: 1,
    storeMs: 0,
    hint: null,
    content: null,
    part: null,
    ...changes,
  };
}

describe("RecordStore", () => {
  it("keeps the last `capacity` records, newest first, and counts every one since start", () => {
    const store = new RecordStore(3);
    for (let seq = 1; seq <= 5; seq++) store.add(record(seq));
    expect(store.size).toBe(3);
    expect(store.list({ limit: 10 }).map((kept) => kept.seq)).toEqual([5, 4, 3]);
    expect(store.counts()).toEqual([
      {
        provider: "twilio",
        counts: { delivered: 5, duplicate: 0, part: 0, in_flight: 0, rejected: 0, let_through: 0 },
      },
    ]);
  });

  it("filters by provider, outcome and code, up to `limit`", () => {
    const store = new RecordStore(10);
    store.add(record(1, { outcome: "rejected", code: "signature_invalid" }));
    store.add(record(2, { provider: "mifumo", outcome: "rejected", code: "signature_invalid" }));
    store.add(record(3, { outcome: "rejected", code: "timestamp_out_of_window" }));
    store.add(record(4));
    store.add(record(5, { outcome: "rejected", code: "signature_invalid" }));
    const seqs = (filter: Parameters<RecordStore["list"]>[0]) =>
      store.list(filter).map((kept) => kept.seq);
    expect(seqs({ provider: "twilio", outcome: "rejected", limit: 10 })).toEqual([5, 3, 1]);
    expect(seqs({ code: "signature_invalid", limit: 10 })).toEqual([5, 2, 1]);
    expect(seqs({ code: "signature_invalid", limit: 2 })).toEqual([5, 2]);
    expect(store.hasProvider("mifumo")).toBe(true);
    expect(store.hasProvider("telnyx")).toBe(false);
  });
});
