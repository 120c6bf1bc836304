// lib/inspector/pending-messages.ts — concatenated messages with parts received and parts missing.

import { createHash } from "node:crypto";
import type { OutcomeRecord } from "../core/observer.js";
import type { InspectorRecord } from "./summary.js";

/** A concatenated message some of whose parts have arrived, and not yet all. */
export interface PendingMessage {
  /** The message's group (phone numbers in it masked unless `showContent`). */
  readonly group: string;
  readonly provider: string;
  /** How many distinct parts arrived. */
  readonly received: number;
  /** How many parts the message has. */
  readonly total: number;
  /** When the first part seen arrived (ISO 8601). */
  readonly firstAt: string;
  /** When the latest part arrived (ISO 8601). */
  readonly lastAt: string;
}

interface Entry {
  readonly group: string;
  readonly provider: string;
  readonly total: number;
  readonly indexes: Set<number>;
  readonly firstAt: string;
  lastAt: string;
  lastAtMs: number;
}

/** How long and how many pending messages are kept. */
export interface PendingLimits {
  /** Forgotten this long after their latest part (the library's default part TTL, 25 h). */
  readonly ttlMs: number;
  /** At most this many; a new one pushes out the one whose latest part is oldest. */
  readonly capacity: number;
}

/**
 * Follows the `part` records of concatenated messages until the message's `delivered` record
 * (whose `eventId` is the part's group) arrives. Groups are kept by a digest, not as they are:
 * they are built from the sender's and recipient's numbers.
 */
export class PendingMessages {
  // By digest of the group, in the order of each entry's latest part (oldest first).
  readonly #entries = new Map<string, Entry>();

  constructor(readonly limits: PendingLimits) {}

  /** Takes note of a record: a part adds to its message, a delivered message is done. */
  observe(record: OutcomeRecord, summary: InspectorRecord): void {
    if (record.outcome === "part" && record.part !== undefined && summary.part !== null) {
      this.#addPart(digest(record.part.group), record, summary.part.group, record.part);
      return;
    }
    if (
      (record.outcome === "delivered" || record.outcome === "let_through") &&
      record.eventId !== undefined &&
      this.#entries.size > 0
    ) {
      this.#entries.delete(digest(record.eventId));
    }
  }

  /** The messages still waiting, the most recently active first. */
  list(now = Date.now()): PendingMessage[] {
    this.#expire(now);
    return [...this.#entries.values()].reverse().map((entry) => ({
      group: entry.group,
      provider: entry.provider,
      received: entry.indexes.size,
      total: entry.total,
      firstAt: entry.firstAt,
      lastAt: entry.lastAt,
    }));
  }

  #addPart(
    key: string,
    record: OutcomeRecord,
    group: string,
    part: NonNullable<OutcomeRecord["part"]>,
  ): void {
    const at = record.at.toISOString();
    let entry = this.#entries.get(key);
    if (entry === undefined || entry.total !== part.total) {
      entry = {
        group,
        provider: record.provider,
        total: part.total,
        indexes: new Set(),
        firstAt: at,
        lastAt: at,
        lastAtMs: record.at.getTime(),
      };
    }
    // Re-inserted, so the map stays ordered by latest part.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (part.index >= 1 && part.index <= part.total) entry.indexes.add(part.index);
    entry.lastAt = at;
    entry.lastAtMs = record.at.getTime();
    this.#expire(entry.lastAtMs);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.limits.capacity) break;
      this.#entries.delete(oldest);
    }
  }

  #expire(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (now - entry.lastAtMs <= this.limits.ttlMs) break;
      this.#entries.delete(key);
    }
  }
}

function digest(group: string): string {
  return createHash("sha256").update(group).digest("base64url");
}
