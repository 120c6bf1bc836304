// bench/http/servers/otel-sdk.ts — a server whose process has an OpenTelemetry SDK registered.

import { metrics } from "@opentelemetry/api";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import type { Express } from "express";

/**
 * Registers a meter provider that exports every 10 s to memory (as an app exporting to a
 * collector would, minus the network), so the library records its metrics on every request.
 */
export function withOpenTelemetrySdk(app: Express): { app: Express; close: () => Promise<void> } {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 10_000 });
  const provider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(provider);
  return {
    app,
    close: async () => {
      await provider.shutdown();
      metrics.disable();
    },
  };
}
