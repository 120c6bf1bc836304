// lib/core/metrics.ts — OpenTelemetry metrics, when the app has @opentelemetry/api and an SDK.

import type { OutcomeRecord } from "./observer.js";

// The slice of @opentelemetry/api used here, typed locally: the package is an optional peer
// dependency, so no published type may name it.
interface Attributes {
  [key: string]: string;
}
interface Counter {
  add(value: number, attributes: Attributes): void;
}
interface Histogram {
  record(value: number, attributes: Attributes): void;
}
interface Meter {
  createCounter(name: string, options: { description: string; unit?: string }): Counter;
  createHistogram(name: string, options: { description: string; unit: string }): Histogram;
}
interface MeterProvider {
  getMeter(name: string): Meter;
}
interface OpenTelemetryApi {
  metrics: { getMeterProvider(): MeterProvider };
  createNoopMeter(): Meter;
}

interface Instruments {
  readonly requests: Counter;
  readonly duration: Histogram;
  readonly storeDuration: Histogram;
}

let api: OpenTelemetryApi | undefined;
let loading: Promise<void> | undefined;
let provider: MeterProvider | undefined;
let instruments: Instruments | undefined;

/**
 * Starts loading `@opentelemetry/api`, once per process (when a pipeline is built); resolves
 * when it is loaded or known to be absent. Until then nothing is recorded.
 */
export function loadOpenTelemetry(): Promise<void> {
  loading ??= import("@opentelemetry/api").then(
    (loaded: unknown) => {
      // The named exports; the package's `default` export is a smaller object without the
      // noop meter. A CommonJS interop may nest the names under `default` instead.
      const candidates = [loaded, (loaded as { default?: unknown }).default];
      api = candidates.find(isApi);
    },
    () => {
      api = undefined; // not installed: metrics stay off
    },
  );
  return loading;
}

/**
 * The instruments of the globally registered meter provider, or `undefined` when none is
 * registered (the API alone records nothing, so the pipeline then skips the work entirely).
 * Asked per request: an SDK may be registered after the pipeline was built.
 */
export function activeInstruments(): Instruments | undefined {
  if (api === undefined) return undefined;
  const current = api.metrics.getMeterProvider();
  if (current !== provider) {
    provider = current;
    const meter = current.getMeter("sms-webhooks");
    instruments = meter === api.createNoopMeter() ? undefined : createInstruments(meter);
  }
  return instruments;
}

function createInstruments(meter: Meter): Instruments {
  return {
    requests: meter.createCounter("sms_webhooks.requests", {
      description: "Webhook requests, by provider, outcome and error code",
    }),
    duration: meter.createHistogram("sms_webhooks.request.duration", {
      description: "From a webhook's arrival to its answer",
      unit: "ms",
    }),
    storeDuration: meter.createHistogram("sms_webhooks.store.duration", {
      description: "Time a webhook request waited for the dedupe store",
      unit: "ms",
    }),
  };
}

/** Records one request on `instruments`. */
export function recordMetrics(instruments: Instruments, record: OutcomeRecord): void {
  const attributes: Attributes = { provider: record.provider, outcome: record.outcome };
  instruments.duration.record(record.durationMs, attributes);
  instruments.storeDuration.record(record.storeMs, { provider: record.provider });
  if (record.code !== undefined) attributes["code"] = record.code;
  instruments.requests.add(1, attributes);
}

function isApi(value: unknown): value is OpenTelemetryApi {
  const candidate = value as Partial<OpenTelemetryApi> | undefined;
  return (
    typeof candidate?.createNoopMeter === "function" &&
    typeof candidate.metrics?.getMeterProvider === "function"
  );
}
