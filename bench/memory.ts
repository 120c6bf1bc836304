// bench/memory.ts — child-process entry: MemoryStore's heap with N committed keys (needs --expose-gc).
//
// Started by bench/run.ts as `node --expose-gc --import tsx bench/memory.ts <keys>`; sends a
// MemoryResult.

import { randomBytes } from "node:crypto";
import { MemoryStore } from "./library.js";
import { sendResult } from "./child.js";
import type { MemoryResult } from "./results.js";

const keys = Number(process.argv[2] ?? 1_000_000);
const gc = globalThis.gc;
if (gc === undefined) throw new Error("bench/memory.ts needs node --expose-gc");

// Full collections until the heap stops shrinking: one pass can leave garbage behind.
function settledHeap(): { heap: number; rss: number } {
  let previous = Infinity;
  for (let i = 0; i < 5; i++) {
    gc!();
    const { heapUsed } = process.memoryUsage();
    if (heapUsed >= previous) break;
    previous = heapUsed;
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

// The pipeline's keys: `android-sms-gateway:` + the app's 21-character nanoid-style envelope id,
// built as the pipeline builds them: the id is a string JSON.parse made, the key a template
// literal over it. (Slicing ids out of one big random string instead would keep that string
// alive through every key and inflate the figure.)
const prefix = "android-sms-gateway";
const leaseMs = 30_000;
const ttlMs = 48 * 60 * 60 * 1000;

function idBatch(count: number): string[] {
  const chars = randomBytes(16 * count).toString("base64url");
  const quoted = Array.from({ length: count }, (_, i) => `"${chars.slice(i * 21, i * 21 + 21)}"`);
  return JSON.parse(`[${quoted.join(",")}]`) as string[];
}

const before = settledHeap();
const started = performance.now();
const store = new MemoryStore({ max: keys });
const batch = 10_000;
for (let done = 0; done < keys; done += batch) {
  for (const id of idBatch(Math.min(batch, keys - done))) {
    const key = `${prefix}:${id}`;
    const claim = store.claim(key, leaseMs);
    if (claim.state !== "claimed") throw new Error(`key collision: ${key}`);
    store.commit(key, claim.token, ttlMs);
  }
}
const seconds = (performance.now() - started) / 1000;
const after = settledHeap();

const result: MemoryResult = {
  keys,
  heapBeforeBytes: before.heap,
  heapAfterBytes: after.heap,
  rssBeforeBytes: before.rss,
  rssAfterBytes: after.rss,
  storeSize: store.size,
  seconds,
};
await sendResult(result);
process.disconnect();
