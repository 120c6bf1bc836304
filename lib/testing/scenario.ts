// lib/testing/scenario.ts — what a CLI scenario is: a named provider event that signs (and re-signs) itself.

/** One request, ready to send. */
export interface TrafficRequest {
  readonly method: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Appended to the URL as `?query` (GET-style providers). */
  readonly query?: string;
}

/**
 * One event as the provider sends it: `sign` gives the request(s) of one delivery attempt (a
 * concatenated SMS is several); calling it again is the provider's retry of the same event.
 * `url` is where the requests will be sent (before a request's own `query` is appended): the
 * signature of a provider that signs the URL it calls (Twilio) covers it.
 */
export interface TrafficEvent {
  sign(secret: string, sentAt: Date, url: string): TrafficRequest[] | Promise<TrafficRequest[]>;
}

/** A named kind of event a provider sends. */
export interface Scenario {
  readonly provider: string;
  readonly description: string;
  /** Where the provider sends it, relative to the provider's mount point (`"/status"`). */
  readonly path: string;
  /** A fresh event (new ids) that happened at `at`. */
  event(at: Date): TrafficEvent;
}

/** Unix seconds of `at`, as providers sign times. */
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
