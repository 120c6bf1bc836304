// examples/readme/metrics.ts — the README's OpenTelemetry set-up.

import { metrics } from "@opentelemetry/api";
import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";

// Any reader works: PrometheusExporter (@opentelemetry/exporter-prometheus) serves /metrics,
// an OTLP exporter sends to a collector; this one prints every 60 s.
const reader = new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter() });
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
