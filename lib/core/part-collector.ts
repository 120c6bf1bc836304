// lib/core/part-collector.ts — the parts of a concatenated SMS, kept until the last one lands.

import { describeError } from "./describe-error.js";
import type { SmsEvent } from "./events.js";
import type { Logger } from "./logger.js";
import { settleOnce, type Accepted, type Authentication, type Settle } from "./outcome.js";
import type { ConcatAssembler, MessagePart } from "./provider.js";
import type { RawRequest } from "./raw-request.js";
import type { StoreGuard } from "./store-guard.js";
import type { PartStore } from "../stores/part-store.js";

/** What collecting parts needs from the pipeline. */
export interface PartCollector {
  readonly concat: ConcatAssembler<unknown>;
  readonly stores: StoreGuard;
  readonly parts: PartStore;
  readonly logger: Logger;
  readonly provider: string;
}

const partReceived: Accepted = Object.freeze({ type: "acknowledge", status: "part_received" });

/**
 * Keeps a part (its claim is committed: a retry of it is a duplicate) and acknowledges it; the
 * part that completes its group is delivered as the whole message. Once handled the group is
 * forgotten. If anything fails first — the handler, the answer, the store — that part's claim is
 * released, and the provider's retry of it gets the whole message again from the part store.
 *
 * Parts that did not verify (report mode, unsigned traffic a provider allows) are grouped apart
 * from verified ones: a forged part can neither take a genuine part's place nor make a message
 * of forged parts look verified.
 */
export async function collectPart(
  collector: PartCollector,
  part: MessagePart,
  req: RawRequest,
  auth: Authentication,
  settlePart: Settle,
): Promise<Accepted> {
  const { concat, stores, parts, logger } = collector;
  const group = auth.verified ? part.group : `unverified:${part.group}`;
  let complete: readonly string[] | undefined;
  try {
    const progress = await stores.call("addPart", () =>
      parts.addPart(group, part.index, part.total, part.value, concat.ttlMs),
    );
    for (const expired of progress.expired) {
      logger.warn(
        { provider: collector.provider, ...expired },
        "a concatenated SMS expired before all its parts arrived",
      );
    }
    complete = progress.complete;
    if (complete === undefined) {
      await settlePart(true);
      return partReceived;
    }
  } catch (error) {
    await settlePart(false);
    throw error;
  }
  const settle = settleOnce(async (handled) => {
    await settlePart(handled);
    if (!handled) return;
    try {
      await stores.call("deleteGroup", () => parts.deleteGroup(group));
    } catch (error) {
      // The group then expires by its TTL; the part's claim already says it was handled.
      logger.error(
        { group, cause: describeError(error) },
        "could not delete a handled concatenated SMS group",
      );
    }
  });
  let event: SmsEvent;
  try {
    event = concat.assemble(complete, {
      request: req,
      id: group,
      verified: auth.verified,
      signedAt: auth.signedAt,
      receivedAt: auth.receivedAt,
    });
  } catch (error) {
    await settle(false);
    throw error;
  }
  return { type: "deliver", delivery: { event, warning: auth.warning, settle } };
}
