// lib/testing/index.ts — `sms-webhooks/testing`: signers, samples and contract suites for your tests.

export { runDedupeStoreContract } from "./dedupe-store-contract.js";
export type { DedupeStoreContractOptions } from "./dedupe-store-contract.js";
export { signAndroidSmsGateway } from "./signers.js";
export type { AndroidSmsGatewayHeaders } from "./signers.js";
export { androidSmsGatewaySample } from "./samples.js";
export type { AndroidSampleEvent } from "./samples.js";
export { scenarios, fire } from "./traffic.js";
export type { Scenario, TrafficRequest, TrafficResponse } from "./traffic.js";
