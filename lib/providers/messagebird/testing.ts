// lib/providers/messagebird/testing.ts — MessageBird (legacy REST API): the test signer, sample payloads and CLI scenarios.

import { createHash, createSecretKey, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { unixSeconds, type Scenario } from "../../testing/scenario.js";

// Signing, exactly as MessageBird does.

/** Options for {@link signMessageBird}. */
export interface MessageBirdSignOptions {
  /** The `nbf` claim, unix seconds; `exp` is 60 s later. Default now. */
  notBeforeSec?: number;
  /** The `jti` claim. Default a fresh UUID. */
  jti?: string;
  /** `HS256` (the default), `HS384` or `HS512`. */
  alg?: "HS256" | "HS384" | "HS512";
}

/**
 * `MessageBird-Signature-JWT` for a request MessageBird sends to `url` (query included) with
 * `body` (empty for a GET): a JWT signed with the signing key, claims `iss: "MessageBird"`,
 * `nbf`, `exp` = `nbf` + 60, `jti`, `url_hash` (hex SHA-256 of `url`) and, for a non-empty body,
 * `payload_hash` (hex SHA-256 of `body`) — as messagebird's reference vectors have them.
 */
export async function signMessageBird(
  url: string,
  body: string | Buffer,
  signingKey: string,
  options: MessageBirdSignOptions = {},
): Promise<{ "MessageBird-Signature-JWT": string }> {
  const notBefore = options.notBeforeSec ?? unixSeconds(new Date());
  const hash = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
  const token = await new SignJWT({
    url_hash: hash(url),
    ...(body.length === 0 ? {} : { payload_hash: hash(body) }),
  })
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .setIssuer("MessageBird")
    .setNotBefore(notBefore)
    .setExpirationTime(notBefore + 60)
    .setJti(options.jti ?? randomUUID())
    .sign(createSecretKey(Buffer.from(signingKey, "utf8")));
  return { "MessageBird-Signature-JWT": token };
}

// Sample payloads, fresh ids each time.

const messageId = () => randomBytes(16).toString("hex");
const datetime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "+00:00");

/** Options for {@link messageBirdStatusSample}. */
export interface MessageBirdStatusSampleOptions {
  /** The message id. Default a fresh one (32 hex digits). */
  messageId?: string;
  /** The recipient of your message. */
  recipient?: string;
  /** Your reference, sent with the message. */
  reference?: string;
  /** When the status changed. Default now. */
  at?: Date;
}

/**
 * An SMS status report (`scheduled`, `sent`, `buffered`, `delivered`, `expired`,
 * `delivery_failed`) as MessageBird sends it: its parameters, for a GET query string (the
 * default) or, as JSON, a POST body (providers-more.md §5, J4 and L1).
 */
export function messageBirdStatusSample(
  status: string,
  options: MessageBirdStatusSampleOptions = {},
): Record<string, string> {
  const id = options.messageId ?? messageId();
  return {
    id,
    href: `https://rest.messagebird.com/messages/${id}`,
    reference: options.reference ?? "order-42",
    recipient: options.recipient ?? "31612345678",
    status,
    statusDatetime: datetime(options.at ?? new Date()),
    ...(status === "delivery_failed"
      ? { statusReason: "unknown subscriber", statusErrorCode: "1" }
      : {}),
  };
}

/** An inbound SMS as MessageBird forwards it to your URL: its parameters. */
export function messageBirdInboundSample(
  text: string,
  options: { originator?: string; recipient?: string; at?: Date } = {},
): Record<string, string> {
  return {
    id: messageId(),
    recipient: options.recipient ?? "3197010203040",
    originator: options.originator ?? "31612345678",
    body: text,
    createdDatetime: datetime(options.at ?? new Date()),
  };
}

// Scenarios for the CLI and the demo.

function messageBirdScenario(
  description: string,
  sample: (at: Date) => Record<string, string>,
): Scenario {
  return {
    provider: "messagebird",
    description,
    path: "",
    event(at) {
      const query = new URLSearchParams(sample(at)).toString();
      // Each attempt gets its own token (fresh nbf and jti) over the URL it is sent to.
      return {
        sign: async (signingKey, sentAt, url) => [
          {
            method: "GET",
            headers: {
              ...(await signMessageBird(`${url}?${query}`, "", signingKey, {
                notBeforeSec: unixSeconds(sentAt),
              })),
            },
            query,
          },
        ],
      };
    },
  };
}

/** The MessageBird scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const messageBirdScenarios: Readonly<Record<string, Scenario>> = {
  "messagebird-status": messageBirdScenario("a status report: delivered (GET query)", (at) =>
    messageBirdStatusSample("delivered", { at }),
  ),
  "messagebird-inbound": messageBirdScenario("an inbound SMS (GET query)", (at) =>
    messageBirdInboundSample("STOP", { at }),
  ),
};
