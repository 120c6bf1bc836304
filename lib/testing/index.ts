// lib/testing/index.ts — `sms-webhooks/testing`: signers, samples and contract suites for your tests.

/**
 * For your tests: each provider's signer and sample payloads, its named scenarios (what
 * `npx sms-webhooks send` fires), and the contract suites for stores and providers.
 * @module sms-webhooks/testing
 */

export { runDedupeStoreContract } from "./dedupe-store-contract.js";
export type { DedupeStoreContractOptions } from "./dedupe-store-contract.js";
export { runPartStoreContract } from "./part-store-contract.js";
export { runNonceStoreContract } from "./nonce-store-contract.js";
export type { NonceStoreContractOptions } from "./nonce-store-contract.js";
export { runProviderContract } from "./provider-contract.js";
export type { ProviderFixtures } from "./provider-contract.js";
export type { PartStoreContractOptions } from "./part-store-contract.js";

// Each provider's signer, sample payloads and scenarios live in its own folder.
export {
  signAndroidSmsGateway,
  androidSmsGatewaySample,
  androidSmsGatewayScenarios,
} from "../providers/android-sms-gateway/testing.js";
export type {
  AndroidSmsGatewayHeaders,
  AndroidSampleEvent,
} from "../providers/android-sms-gateway/testing.js";
export { signMifumo, mifumoSample, mifumoScenarios } from "../providers/mifumo/testing.js";
export type { MifumoHeaders, MifumoSampleEvent } from "../providers/mifumo/testing.js";
export {
  signVonageSms,
  vonageReceiptSample,
  vonageInboundSample,
  vonageSmsScenarios,
} from "../providers/vonage-sms/testing.js";
export type {
  VonageSmsSignatureMethod,
  VonageSmsSignOptions,
} from "../providers/vonage-sms/testing.js";
export {
  signVonageMessages,
  vonageMessagesInboundSample,
  vonageMessagesStatusSample,
  vonageMessagesScenarios,
} from "../providers/vonage-messages/testing.js";
export type { VonageMessagesSignOptions } from "../providers/vonage-messages/testing.js";
export {
  signTwilio,
  signTwilioJson,
  twilioInboundSample,
  twilioStatusSample,
  twilioScenarios,
} from "../providers/twilio/testing.js";
export type {
  TwilioInboundSampleOptions,
  TwilioStatusSampleOptions,
} from "../providers/twilio/testing.js";
export {
  signSinch,
  sinchInboundSample,
  sinchDeliveryReportSample,
  sinchScenarios,
} from "../providers/sinch/testing.js";
export type {
  SinchHeaders,
  SinchSignOptions,
  SinchInboundSampleOptions,
  SinchDeliveryReportSampleOptions,
} from "../providers/sinch/testing.js";
export {
  signTelnyx,
  telnyxKeyPair,
  telnyxInboundSample,
  telnyxStatusSample,
  telnyxScenarios,
} from "../providers/telnyx/testing.js";
export type {
  TelnyxHeaders,
  TelnyxKeyPair,
  TelnyxInboundSampleOptions,
  TelnyxStatusSampleOptions,
} from "../providers/telnyx/testing.js";
export {
  signBird,
  birdInboundSample,
  birdStatusSample,
  birdScenarios,
} from "../providers/bird/testing.js";
export type {
  BirdHeaders,
  BirdInboundSampleOptions,
  BirdStatusSampleOptions,
} from "../providers/bird/testing.js";
export {
  signMessageBird,
  messageBirdStatusSample,
  messageBirdInboundSample,
  messageBirdScenarios,
} from "../providers/messagebird/testing.js";
export type {
  MessageBirdSignOptions,
  MessageBirdStatusSampleOptions,
} from "../providers/messagebird/testing.js";
export {
  signPlivoV3,
  signPlivoV2,
  plivoNonce,
  signedPlivoPost,
  plivoInboundSample,
  plivoStatusSample,
  plivoScenarios,
} from "../providers/plivo/testing.js";
export type {
  PlivoInboundSampleOptions,
  PlivoStatusSampleOptions,
} from "../providers/plivo/testing.js";

export type { Scenario, TrafficEvent, TrafficRequest } from "./scenario.js";
export { scenarios, fire } from "./traffic.js";
export type { TrafficResponse } from "./traffic.js";
