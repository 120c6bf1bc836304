// test-d/events.test-d.ts — each event interface is exactly the type its zod schema validates, so
// the declarations (what editors and the API reference show) cannot drift from the schemas.
// `npm run typecheck` checks it: a field added to one and not the other fails to compile.

import type { z } from "zod";
import type {
  messageReceivedEventSchema,
  messageStatusEventSchema,
  messageStatusSchema,
  moneySchema,
  smsEventSchema,
  systemPingEventSchema,
  unknownEventSchema,
  MessageReceivedEvent,
  MessageStatus,
  MessageStatusEvent,
  Money,
  SmsEvent,
  SystemPingEvent,
  UnknownEvent,
} from "sms-webhooks";

// True only when A and B are the same type (not merely assignable either way).
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(verdict: Equal<A, B>) => verdict;

same<MessageReceivedEvent, z.infer<typeof messageReceivedEventSchema>>(true);
same<MessageStatusEvent, z.infer<typeof messageStatusEventSchema>>(true);
same<SystemPingEvent, z.infer<typeof systemPingEventSchema>>(true);
same<UnknownEvent, z.infer<typeof unknownEventSchema>>(true);
same<MessageStatus, z.infer<typeof messageStatusSchema>>(true);
same<Money, z.infer<typeof moneySchema>>(true);
// The union as a whole, member by member (Equal on two unions compares their members).
same<SmsEvent, z.infer<typeof smsEventSchema>>(true);
// @ts-expect-error the check does catch a difference
same<UnknownEvent, Omit<z.infer<typeof unknownEventSchema>, "eventName">>(true);
