// lib/inspector/view.ts — what the inspector knows: it takes in outcomes and answers the router.

import type { OutcomeRecord } from "../core/observer.js";
import { PendingMessages, type PendingMessage } from "./pending-messages.js";
import { RecordStore, type OutcomeCounts, type RecordFilter } from "./record-store.js";
import { summarizer, type InspectorRecord } from "./summary.js";

const hour = 3_600_000;

/** The recent records, the counts and the pending messages of one inspector. */
export class InspectorView {
  readonly startedAt = new Date();
  readonly #records: RecordStore;
  // Vonage's default part TTL (concatTtlMs, 25 h); a message's record never outlives its parts.
  readonly #pending = new PendingMessages({ ttlMs: 25 * hour, capacity: 100 });
  readonly #summarize: (record: OutcomeRecord, seq: number) => InspectorRecord;
  #seq = 0;

  constructor(
    readonly capacity: number,
    readonly showContent: boolean,
  ) {
    this.#records = new RecordStore(capacity);
    this.#summarize = summarizer(showContent);
  }

  /** Keeps a summary of `record` (never `record` itself, nor its event). */
  add(record: OutcomeRecord): void {
    const summary = this.#summarize(record, ++this.#seq);
    this.#records.add(summary);
    this.#pending.observe(record, summary);
  }

  /** How many records are kept now. */
  size(): number {
    return this.#records.size;
  }

  /** The kept records `filter` matches, newest first. */
  list(filter: RecordFilter): InspectorRecord[] {
    return this.#records.list(filter);
  }

  /** Counts by outcome per provider since start. */
  counts(): { provider: string; counts: OutcomeCounts }[] {
    return this.#records.counts();
  }

  /** Concatenated messages still waiting for parts. */
  pending(): PendingMessage[] {
    return this.#pending.list();
  }

  /** Whether a record of `provider` was seen since start (an arrow: handed around as is). */
  readonly hasProvider = (provider: string): boolean => this.#records.hasProvider(provider);
}
