// lib/index.ts — the public API of sms-webhooks.

/**
 * Verified, de-duplicated, normalized SMS provider webhooks for Express: `smsWebhook(provider)`,
 * the providers, the stores, and the provider kit for writing your own.
 * @module sms-webhooks
 */

import "./express/request-types.js";

export { smsWebhook } from "./express/sms-webhook.js";
export type { SmsWebhook, SmsWebhookRouterOptions } from "./express/sms-webhook.js";
export type { SmsWebhookOptions } from "./express/options.js";
export { rawBody, captureRawBody } from "./express/raw-body.js";
export type { RawBodyOptions } from "./express/raw-body.js";
export { verifySignature, timestampWindow, dedupe, normalize } from "./express/steps.js";
export type { StepOptions } from "./express/steps.js";
export { smsWebhookErrorHandler } from "./express/error-handler.js";
export { smsEventOf } from "./express/sms-event-of.js";
export type { SmsEventRequest, SmsEventHandler } from "./express/sms-event-of.js";

export { WebhookError, isWebhookError, webhookErrorStatus } from "./core/webhook-error.js";
export type { WebhookErrorCode, WebhookErrorBody } from "./core/webhook-error.js";
export type { RawRequest } from "./core/raw-request.js";
export type {
  Provider,
  ProviderDefaults,
  ProviderRoute,
  NormalizeContext,
  Verification,
  EventFields,
  FieldsOf,
  ConcatAssembler,
  MessagePart,
  SingleUse,
} from "./core/provider.js";
export type { PipelineOptions } from "./core/options.js";
export { OptionsError } from "./core/options-error.js";
export type { OptionsErrorCode } from "./core/options-error.js";
export type { Logger } from "./core/logger.js";
export { consoleLogger, silentLogger } from "./core/logger.js";
export { createPipeline } from "./core/pipeline.js";
export type { Pipeline, CreatePipelineOptions } from "./core/pipeline.js";
export type { Outcome, Accepted, Acknowledgement, Delivery, Settle } from "./core/outcome.js";
export type { WebhookObserver, OutcomeRecord, DeliveryOutcome } from "./core/observer.js";
export { createInspector } from "./inspector/index.js";
export type {
  Inspector,
  InspectorOptions,
  InspectorRouterOptions,
  InspectorRecord,
  InspectorContent,
  PendingMessage,
  OutcomeCounts,
} from "./inspector/index.js";
export * from "./core/provider-kit.js";
export {
  smsEventSchema,
  messageReceivedEventSchema,
  messageStatusEventSchema,
  systemPingEventSchema,
  unknownEventSchema,
  messageStatusSchema,
  moneySchema,
  isFinalStatus,
} from "./core/events.js";
export type {
  SmsEvent,
  MessageReceivedEvent,
  MessageStatusEvent,
  SystemPingEvent,
  UnknownEvent,
  MessageStatus,
  Money,
  SmsEventCommon,
  Media,
  MessageError,
  RecipientStatus,
} from "./core/events.js";

export type {
  DedupeStore,
  Claim,
  PartStore,
  PartProgress,
  ExpiredGroup,
  NonceStore,
} from "./core/stores.js";
export { MemoryStore } from "./stores/memory-store.js";
export { MemoryPartStore } from "./stores/memory-part-store.js";
export { RedisStore } from "./stores/redis-store.js";
export type {
  RedisStoreOptions,
  RedisStoreSingleOptions,
  RedisStoreClusterOptions,
} from "./stores/redis-store.js";
export type {
  SendCommand,
  SendCommandCluster,
  SendCommandClusterDetails,
} from "./stores/redis-script.js";
export type { MemoryStoreOptions } from "./stores/memory-store.js";

export { androidSmsGateway } from "./providers/android-sms-gateway/index.js";
export { mifumo } from "./providers/mifumo/index.js";
export { vonageSms } from "./providers/vonage-sms/index.js";
export { vonageMessages } from "./providers/vonage-messages/index.js";
export { twilio } from "./providers/twilio/index.js";
export type { TwilioOptions, TwilioPublicUrl, TwilioPayload } from "./providers/twilio/index.js";
export { sinch } from "./providers/sinch/index.js";
export type { SinchOptions, SinchPayload } from "./providers/sinch/index.js";
export { telnyx } from "./providers/telnyx/index.js";
export type { TelnyxOptions, TelnyxPublicKey, TelnyxPayload } from "./providers/telnyx/index.js";
export { bird } from "./providers/bird/index.js";
export type { BirdOptions, BirdPayload } from "./providers/bird/index.js";
export { messageBird } from "./providers/messagebird/index.js";
export type {
  MessageBirdOptions,
  MessageBirdPayload,
  MessageBirdSigned,
} from "./providers/messagebird/index.js";
export { plivo } from "./providers/plivo/index.js";
export type {
  PlivoOptions,
  PlivoPayload,
  PlivoSigned,
  PlivoSignatureVersion,
} from "./providers/plivo/index.js";
export type {
  VonageMessagesOptions,
  VonageMessagesSecret,
  SecretResolver,
} from "./providers/vonage-messages/index.js";
export type { VonageSmsOptions, VonageSignatureMethod } from "./providers/vonage-sms/index.js";
export type { MifumoOptions } from "./providers/mifumo/index.js";
export type { AndroidSmsGatewayOptions } from "./providers/android-sms-gateway/index.js";
