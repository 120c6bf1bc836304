// lib/express/express-pipeline.ts — the pipeline behind the Express middlewares, one per setup.

import type { Request } from "express";
import type { z } from "zod";
import { validateOptions, type PipelineOptions } from "../core/options.js";
import { buildPipeline, type WebhookPipeline } from "../core/pipeline.js";
import type { Provider } from "../core/provider.js";
import { MemoryStore } from "../stores/memory-store.js";

type AnyPipeline = WebhookPipeline<unknown, unknown, Request>;

// provider → options object → pipeline: the single steps composed with one options object
// share one pipeline (one options check, one default store), as smsWebhook has one.
const shared = new WeakMap<object, WeakMap<object, AnyPipeline>>();

/**
 * Checks `options` against `shape` and builds the pipeline, on `options.store` or a new
 * `MemoryStore` of its own. With `share`, the same provider and options object (the single
 * steps of one route) get the same pipeline.
 */
export function expressPipeline<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: PipelineOptions<Request>,
  shape: z.ZodRawShape,
  share = false,
): WebhookPipeline<Payload, Signed, Request> {
  const byOptions = share
    ? (shared.get(provider) ?? new WeakMap<object, AnyPipeline>())
    : undefined;
  const known = byOptions?.get(options);
  if (known !== undefined) return known as unknown as WebhookPipeline<Payload, Signed, Request>;
  const { store, ...rest } = validateOptions(shape, options);
  const pipeline = buildPipeline(provider, rest, store ?? new MemoryStore());
  if (byOptions !== undefined) {
    byOptions.set(options, pipeline as AnyPipeline);
    shared.set(provider, byOptions);
  }
  return pipeline;
}
