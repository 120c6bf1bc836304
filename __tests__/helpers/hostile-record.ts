// __tests__/helpers/hostile-record.ts — an outcome with markup and quotes in every field an
// inspector shows, to check that each is rendered as text.

import type { OutcomeRecord } from "../../lib/index.js";

/** Markup that would set `window.__pwned` if it ever ran, with both kinds of quote. */
export const payload = `"'><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`;

/** A received message whose every shown field carries {@link payload}. */
export function hostileRecord(at = new Date()): OutcomeRecord {
  return {
    at,
    provider: `prov${payload}`,
    route: { method: "POST", path: `/hooks/${payload}` },
    outcome: "let_through",
    status: 204,
    code: "signature_invalid",
    eventType: "message.received",
    eventId: `id${payload}`,
    durationMs: 1.5,
    storeMs: 0.2,
    hint: `hint${payload}`,
    event: {
      type: "message.received",
      provider: `prov${payload}`,
      id: `id${payload}`,
      verified: false,
      raw: {},
      messageId: `msg${payload}`,
      from: `+4477009000${payload}`,
      to: `to${payload}`,
      text: `text${payload}`,
      receivedAt: at,
    },
    part: undefined,
  };
}

/** A concatenated message's part whose group carries {@link payload}. */
export function hostilePart(at = new Date()): OutcomeRecord {
  return {
    ...hostileRecord(at),
    outcome: "part",
    status: 200,
    code: undefined,
    hint: undefined,
    event: undefined,
    part: { group: `group${payload}`, index: 1, total: 3 },
  };
}
