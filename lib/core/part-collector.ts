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
 * forgotten; if the handler fails it is reopened, so the provider's retry of that last part puts
 * the message together again.
 */
export async function collectPart(
  collector: PartCollector,
  part: MessagePart,
  req: RawRequest,
  auth: Authentication,
  settlePart: Settle,
): Promise<Accepted> {
  const { concat, stores, parts, logger } = collector;
  let complete: readonly string[] | undefined;
  try {
    const progress = await stores.call("addPart", () =>
      parts.addPart(part.group, part.index, part.total, part.value, concat.ttlMs),
    );
    for (const group of progress.expired) {
      logger.warn(
        { provider: collector.provider, ...group },
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
    try {
      if (handled) await settlePart(true);
      await stores.call(handled ? "deleteGroup" : "reopenGroup", () =>
        handled ? parts.deleteGroup(part.group) : parts.reopenGroup(part.group),
      );
    } catch (error) {
      logger.error(
        { group: part.group, cause: describeError(error) },
        "could not settle a concatenated SMS group",
      );
    }
    if (!handled) await settlePart(false);
  });
  let event: SmsEvent;
  try {
    event = concat.assemble(complete, {
      request: req,
      id: part.group,
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
