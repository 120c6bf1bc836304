// lib/core/timestamp-window.ts — the replay window: a signed time must be close to the clock.

import { WebhookError } from "./webhook-error.js";

/** Reads a unix-seconds string (`"1719046000"`) as a `Date`, or `undefined` if it is not one. */
export function parseUnixSeconds(value: string | undefined): Date | undefined {
  if (value === undefined || value.length === 0 || value.length > 12) return undefined;
  let seconds = 0;
  for (let i = 0; i < value.length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    seconds = seconds * 10 + digit;
  }
  return new Date(seconds * 1000);
}

/**
 * Throws `timestamp_out_of_window` unless `signedAt` is within `toleranceSec` of `now`, either
 * way: phones' clocks drift ahead as well as behind.
 */
export function assertInWindow(signedAt: Date, now: Date, toleranceSec: number): void {
  const skewSec = Math.round((now.getTime() - signedAt.getTime()) / 1000);
  if (Number.isNaN(skewSec)) {
    throw new WebhookError("timestamp_missing", "The signed timestamp is not a valid time.");
  }
  if (Math.abs(skewSec) > toleranceSec) {
    const direction = skewSec > 0 ? "old" : "in the future";
    const away = Math.abs(skewSec);
    // A skew of minutes is a clock; of hours or more, a replay (or a provider's late retry).
    const cause =
      away > 3600
        ? "a replay of an old request, or a retry the provider did not re-sign: widen toleranceSec only if the provider retries that late"
        : "check NTP on this server (and on the sender, for a phone), or widen toleranceSec";
    throw new WebhookError(
      "timestamp_out_of_window",
      `The signed timestamp is ${away} s ${direction}; at most ${toleranceSec} s is accepted (option toleranceSec).`,
      {
        hint: `The signed time is ${away} s ${skewSec > 0 ? "behind" : "ahead of"} this server's clock: ${cause}.`,
      },
    );
  }
}
