// bench/http/scenarios.ts — which server gets which traffic, in the order they run.

import type { Build } from "../results.js";
import type { ServerName } from "./protocol.js";
import type { TrafficKind } from "./traffic.js";

export interface Scenario {
  readonly server: ServerName;
  readonly traffic: TrafficKind;
  /** "unique": every event is new; "duplicates": a share of retries of earlier events. */
  readonly kind: "unique" | "duplicates";
  readonly duplicateShare: number;
  /** Needs the bench's redis-server. */
  readonly redis: boolean;
  /** With `--compare`: which build the server loads; the baseline's from `libraryRoot`. */
  readonly build?: Build;
  readonly libraryRoot?: string;
}

const duplicateShare = 0.3;

function unique(server: ServerName, traffic: TrafficKind = "android"): Scenario {
  return { server, traffic, kind: "unique", duplicateShare: 0, redis: server.endsWith("-redis") };
}

function duplicates(server: ServerName): Scenario {
  return {
    server,
    traffic: "android",
    kind: "duplicates",
    duplicateShare,
    redis: server.endsWith("-redis"),
  };
}

/**
 * Each library row divides by the hand-written receiver of its own provider (`handwritten` for
 * Android, `handwritten-<provider>` for the others) under the same kind of traffic.
 */
export const scenarios: readonly Scenario[] = [
  unique("bare"),
  unique("handwritten"),
  unique("library-android-memory"),
  unique("library-android-redis"),
  unique("library-android-observed"),
  unique("library-android-otel-sdk"),
  unique("handwritten-mifumo", "mifumo"),
  unique("library-mifumo-memory", "mifumo"),
  unique("handwritten-vonage-sms", "vonage-sms"),
  unique("library-vonage-sms-memory", "vonage-sms"),
  unique("handwritten-vonage-messages", "vonage-messages"),
  unique("library-vonage-messages-memory", "vonage-messages"),
  unique("handwritten-twilio", "twilio"),
  unique("sdk-twilio-webhook", "twilio"),
  unique("library-twilio-memory", "twilio"),
  unique("handwritten-telnyx", "telnyx"),
  unique("library-telnyx-memory", "telnyx"),
  unique("handwritten-plivo", "plivo"),
  unique("library-plivo-memory", "plivo"),
  duplicates("handwritten"),
  duplicates("library-android-memory"),
  duplicates("library-android-redis"),
];
