// bench/http/protocol.ts — server names, routes and the IPC messages between the bench and a server.

/** Every server the HTTP bench can start, one per child process. */
export const serverNames = [
  "bare",
  "handwritten",
  "library-android-memory",
  "library-android-redis",
  "library-android-observed",
  "library-android-otel-sdk",
  "handwritten-mifumo",
  "library-mifumo-memory",
  "handwritten-vonage-sms",
  "library-vonage-sms-memory",
  "handwritten-vonage-messages",
  "library-vonage-messages-memory",
  "handwritten-twilio",
  "sdk-twilio-webhook",
  "library-twilio-memory",
  "handwritten-telnyx",
  "library-telnyx-memory",
  "handwritten-plivo",
  "library-plivo-memory",
] as const;

export type ServerName = (typeof serverNames)[number];

export function isServerName(value: unknown): value is ServerName {
  return serverNames.includes(value as ServerName);
}

/** Where each provider's traffic is posted; the servers mount the same paths. */
export const routes = {
  android: "/hooks/android",
  mifumo: "/hooks/mifumo",
  vonageSms: "/hooks/vonage/status",
  vonageMessages: "/hooks/vonage-messages/status",
  twilio: "/hooks/twilio/status",
  telnyx: "/hooks/telnyx",
  plivo: "/hooks/plivo",
} as const;

/** The origin Twilio's traffic is signed for (it signs the URL it calls): as behind a proxy. */
export const twilioOrigin = "https://hooks.example.com";

/** The environment variable that tells a Redis-backed server where redis-server listens. */
export const redisPortEnv = "BENCH_REDIS_PORT";

/** Bench → server. */
export type ToServer = { type: "cpu-reset" } | { type: "cpu-read" } | { type: "stop" };

/** Server → bench. `cpu` is user + system CPU time since the last `cpu-reset`, in µs. */
export type FromServer =
  | { type: "ready"; port: number }
  | { type: "skip"; reason: string }
  | { type: "cpu"; micros: number };
