// __tests__/core/metrics.test.ts — OpenTelemetry metrics through the SDK's in-memory exporter.

import { metrics } from "@opentelemetry/api";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type ResourceMetrics,
} from "@opentelemetry/sdk-metrics";
import request from "supertest";
import { androidSmsGateway, smsWebhook } from "../../lib/index.js";
import { activeInstruments, loadOpenTelemetry } from "../../lib/core/metrics.js";
import { express } from "../helpers/app.js";
import { signAndroid } from "../helpers/android-signer.js";
import { memoryLogger } from "../helpers/logger.js";

const key = "metrics-key";
const now = new Date("2024-06-22T08:46:30Z");

function app() {
  const a = express();
  a.post(
    "/hook",
    smsWebhook(androidSmsGateway({ secret: key }), { clock: () => now, logger: memoryLogger() }),
    (_req, res) => res.sendStatus(204),
  );
  return a;
}

function post(a: express.Express, id: string, signature?: string) {
  const body = JSON.stringify({
    id,
    event: "system:ping",
    deviceId: "d",
    payload: { health: { status: "pass", checks: {} } },
  });
  const headers = signAndroid(body, key, Math.floor(now.getTime() / 1000));
  if (signature !== undefined) headers["x-signature"] = signature;
  return request(a).post("/hook").set(headers).send(body);
}

interface Point {
  attributes: Record<string, unknown>;
  value: unknown;
}

function pointsOf(collected: ResourceMetrics[], name: string): Point[] {
  return collected
    .flatMap((resource) => resource.scopeMetrics)
    .filter((scope) => scope.scope.name === "sms-webhooks")
    .flatMap((scope) => scope.metrics)
    .filter((metric) => metric.descriptor.name === name)
    .flatMap((metric) => metric.dataPoints as Point[]);
}

describe("OpenTelemetry metrics", () => {
  afterEach(() => metrics.disable());

  it("record nothing, and cost no observation, while no SDK is registered", async () => {
    await loadOpenTelemetry();
    expect(activeInstruments()).toBeUndefined();
  });

  it("count requests by provider, outcome and code, and record durations in ms", async () => {
    await loadOpenTelemetry();
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
    const meterProvider = new MeterProvider({ readers: [reader] });
    // Registered after the library loaded: the pipeline notices per request.
    metrics.setGlobalMeterProvider(meterProvider);
    const a = app();
    await post(a, "m1");
    await post(a, "m1");
    await post(a, "m2", "0".repeat(64));
    await new Promise((resolve) => setImmediate(resolve));
    await reader.forceFlush();
    const collected = exporter.getMetrics();
    const requests = pointsOf(collected, "sms_webhooks.requests");
    const byOutcome = Object.fromEntries(
      requests.map((point) => [
        `${point.attributes["outcome"] as string}/${(point.attributes["code"] as string | undefined) ?? ""}`,
        point.value,
      ]),
    );
    expect(byOutcome).toEqual({
      "delivered/": 1,
      "duplicate/": 1,
      "rejected/signature_invalid": 1,
    });
    expect(requests.every((point) => point.attributes["provider"] === "android-sms-gateway")).toBe(
      true,
    );
    const durations = pointsOf(collected, "sms_webhooks.request.duration");
    expect(durations.map((point) => (point.value as { count: number }).count).sort()).toEqual([
      1, 1, 1,
    ]);
    const store = pointsOf(collected, "sms_webhooks.store.duration");
    expect((store[0]?.value as { count: number }).count).toBe(3);
    await meterProvider.shutdown();
  });
});
