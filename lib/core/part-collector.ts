// lib/core/part-collector.ts — the parts of a concatenated SMS, kept until the last one lands.

import { describeError } from "./describe-error.js";
import type { MessagePart } from "./provider.js";
import type { Logger } from "./logger.js";
import type { Trace } from "./observer.js";
import { settleOnce, type Settle } from "./outcome.js";
import type { StoreGuard } from "./store-guard.js";
import type { PartStore } from "./stores.js";

/** What collecting parts needs from the pipeline. */
export interface PartCollector {
  readonly ttlMs: number;
  readonly stores: StoreGuard;
  readonly parts: PartStore;
  readonly logger: Logger;
  readonly provider: string;
  /** This request's trace, when it is observed. */
  readonly trace: Trace | undefined;
}

/** The part's message, once this part completed it: every part's payload, and its settle. */
export interface CompletedMessage {
  /** The group, which becomes the event's id. */
  readonly group: string;
  /** Every part's payload (as JSON read back), in part order. */
  readonly payloads: readonly unknown[];
  /** Settles the part's claim and, once handled, forgets the group. */
  readonly settle: Settle;
}

/**
 * Keeps a part (its claim is committed: a retry of it is a duplicate) and answers `undefined`
 * to acknowledge it; the part that completes its group gets the whole message. Once handled
 * the group is forgotten. If anything fails first — the handler, the answer, the store — that
 * part's claim is released, and the provider's retry of it gets the whole message again.
 *
 * Parts that did not verify (report mode, unsigned traffic a provider allows) are grouped apart
 * from verified ones: a forged part can neither take a genuine part's place nor make a message
 * of forged parts look verified.
 */
export async function collectPart(
  collector: PartCollector,
  part: MessagePart,
  payload: unknown,
  verified: boolean,
  settlePart: Settle,
): Promise<CompletedMessage | undefined> {
  const { stores, parts, logger, trace } = collector;
  const group = verified ? part.group : `unverified:${part.group}`;
  if (trace !== undefined) trace.part = { group, index: part.index, total: part.total };
  let complete: readonly string[] | undefined;
  try {
    const value = JSON.stringify(payload);
    const add = () => parts.addPart(group, part.index, part.total, value, collector.ttlMs);
    const progress = await stores.call("addPart", add, undefined, trace);
    for (const expired of progress.expired) {
      logger.warn(
        { provider: collector.provider, ...expired },
        "a concatenated SMS expired before all its parts arrived",
      );
    }
    complete = progress.complete;
  } catch (error) {
    await settlePart(false);
    throw error;
  }
  if (complete === undefined) {
    await settlePart(true);
    return undefined;
  }
  const settle = settleOnce(async (handled, status) => {
    await settlePart(handled, status);
    if (!handled) return;
    try {
      await stores.call("deleteGroup", () => parts.deleteGroup(group), undefined, trace);
    } catch (error) {
      // The group then expires by its TTL; the part's claim already says it was handled.
      logger.error(
        { group, cause: describeError(error) },
        "could not delete a handled concatenated SMS group",
      );
    }
  });
  return { group, payloads: complete.map((value) => JSON.parse(value) as unknown), settle };
}
