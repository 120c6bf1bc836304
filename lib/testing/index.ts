// lib/testing/index.ts — `sms-webhooks/testing`: signers, samples and contract suites for your tests.

export { runDedupeStoreContract } from "./dedupe-store-contract.js";
export type { DedupeStoreContractOptions } from "./dedupe-store-contract.js";
export { runPartStoreContract } from "./part-store-contract.js";
export type { PartStoreContractOptions } from "./part-store-contract.js";
export { signAndroidSmsGateway, signMifumo, signVonageMessages, signVonageSms } from "./signers.js";
export type {
  AndroidSmsGatewayHeaders,
  MifumoHeaders,
  VonageSmsSignatureMethod,
  VonageSmsSignOptions,
  VonageMessagesSignOptions,
} from "./signers.js";
export {
  androidSmsGatewaySample,
  mifumoSample,
  vonageReceiptSample,
  vonageInboundSample,
  vonageMessagesInboundSample,
  vonageMessagesStatusSample,
} from "./samples.js";
export type { AndroidSampleEvent, MifumoSampleEvent } from "./samples.js";
export { scenarios, fire } from "./traffic.js";
export type { Scenario, TrafficEvent, TrafficRequest, TrafficResponse } from "./traffic.js";
