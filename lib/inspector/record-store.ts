// lib/inspector/record-store.ts — the last N summaries, in a ring, and counts since start.

import type { DeliveryOutcome } from "../core/observer.js";
import type { WebhookErrorCode } from "../core/webhook-error.js";
import type { InspectorRecord } from "./summary.js";

/** Every outcome, in the order the page lists them. */
export const outcomes: readonly DeliveryOutcome[] = [
  "delivered",
  "duplicate",
  "part",
  "in_flight",
  "rejected",
  "let_through",
];

/** How many requests of one provider ended each way since the inspector started. */
export type OutcomeCounts = Record<DeliveryOutcome, number>;

/** Which records to list; an absent field matches everything. */
export interface RecordFilter {
  readonly provider?: string | undefined;
  readonly outcome?: DeliveryOutcome | undefined;
  readonly code?: WebhookErrorCode | undefined;
  /** At most this many, newest first. */
  readonly limit: number;
}

// Provider names come from the app's own configuration, so there are a handful; the cap only
// keeps a misuse (a provider named per request) from growing the map without bound.
const maxProviders = 100;

/** A fixed-size ring of {@link InspectorRecord}s (the oldest overwritten) and outcome counts. */
export class RecordStore {
  readonly #ring: (InspectorRecord | undefined)[];
  #next = 0;
  #size = 0;
  readonly #counts = new Map<string, OutcomeCounts>();

  /** @param capacity - How many records are kept. */
  constructor(readonly capacity: number) {
    this.#ring = new Array<InspectorRecord | undefined>(capacity).fill(undefined);
  }

  /** Keeps `record`, dropping the oldest when full, and counts it. */
  add(record: InspectorRecord): void {
    this.#ring[this.#next] = record;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
    let counts = this.#counts.get(record.provider);
    if (counts === undefined) {
      if (this.#counts.size >= maxProviders) return;
      counts = Object.fromEntries(outcomes.map((outcome) => [outcome, 0])) as OutcomeCounts;
      this.#counts.set(record.provider, counts);
    }
    counts[record.outcome]++;
  }

  /** The records `filter` matches, newest first. */
  list(filter: RecordFilter): InspectorRecord[] {
    const found: InspectorRecord[] = [];
    for (let back = 1; back <= this.#size && found.length < filter.limit; back++) {
      const record = this.#ring[(this.#next - back + this.capacity) % this.capacity]!;
      if (filter.provider !== undefined && record.provider !== filter.provider) continue;
      if (filter.outcome !== undefined && record.outcome !== filter.outcome) continue;
      if (filter.code !== undefined && record.code !== filter.code) continue;
      found.push(record);
    }
    return found;
  }

  /** How many records are kept now. */
  get size(): number {
    return this.#size;
  }

  /** Counts by outcome of every provider seen since start, providers by name. */
  counts(): { provider: string; counts: OutcomeCounts }[] {
    return [...this.#counts]
      .map(([provider, counts]) => ({ provider, counts: { ...counts } }))
      .sort((a, b) => a.provider.localeCompare(b.provider));
  }

  /** Whether a record of `provider` was seen since start. */
  hasProvider(provider: string): boolean {
    return this.#counts.has(provider);
  }
}
