// lib/core/options.ts — the options every pipeline step shares, checked once at construction.

import { z } from "zod";
import type { Logger } from "./logger.js";
import { consoleLogger, guardedLogger } from "./logger.js";
import { OptionsError } from "./options-error.js";
import type { Provider } from "./provider.js";
import { activeInstruments, loadOpenTelemetry, recordMetrics } from "./metrics.js";
import { observerDispatch, type OutcomeRecord, type WebhookObserver } from "./observer.js";
import type { DedupeStore, NonceStore, PartStore } from "./stores.js";
import type { WebhookError } from "./webhook-error.js";

/** Options shared by `smsWebhook` and each single-step middleware. */
export interface PipelineOptions<Req = unknown> {
  /** Where handled events are remembered. Default: a new `MemoryStore` for this middleware. */
  store?: DedupeStore;
  /**
   * `"enforce"` (default) rejects what fails verification. `"report"` logs the failure and lets
   * the request through with `event.verified === false`, to switch verification on without an
   * outage. Such requests are deduplicated among themselves, apart from verified ones.
   */
  mode?: "enforce" | "report";
  /** The current time, for the timestamp window. Inject one in tests and replays. */
  clock?: () => Date;
  /** Where rejections and store failures are logged. Default: the console. */
  logger?: Logger;
  /** Called with every rejection (and every report-mode failure), after it is logged. */
  onError?: (error: WebhookError, req: Req) => void;
  /**
   * Told every request's outcome after its answer (see {@link WebhookObserver}): an inspector
   * from `createInspector()`, or your own. Metrics need none: with `@opentelemetry/api` installed
   * and an SDK registered, they are recorded anyway.
   */
  observers?: readonly WebhookObserver[];
  /** How far the signed timestamp may be from `clock()`, in seconds. Default: the provider's. */
  toleranceSec?: number;
  /** How long a handled event is remembered, in ms. Default: the provider's retry span. */
  dedupeTtlMs?: number;
  /** How long a delivery holds its claim while the handler runs, in ms. Default 30,000. */
  leaseMs?: number;
  /** How long a store call may take before the request is answered 503, in ms. Default 2,000. */
  storeTimeoutMs?: number;
  /**
   * When the store fails: `"reject"` (default) answers 503 `store_unavailable` so the provider
   * retries; `"process"` runs the handler without dedupe and logs it.
   */
  onStoreError?: "reject" | "process";
}

/** {@link PipelineOptions} with every default applied. */
export interface ResolvedPipelineOptions<Req = unknown> {
  readonly store: DedupeStore;
  /** The store, when it also keeps concatenated-SMS parts (it implements {@link PartStore}). */
  readonly parts: PartStore | undefined;
  /** The store, when it also keeps single-use nonces (it implements {@link NonceStore}). */
  readonly nonces: NonceStore | undefined;
  readonly mode: "enforce" | "report";
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly onError: ((error: WebhookError, req: Req) => void) | undefined;
  /** Who is told each request's outcome. */
  readonly observation: Observation;
  readonly toleranceSec: number;
  readonly dedupeTtlMs: number;
  readonly leaseMs: number;
  readonly storeTimeoutMs: number;
  readonly onStoreError: "reject" | "process";
}

const aFunction = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", {
    message: `must be ${what}`,
  });

const positiveMs = z
  .number({ message: "must be a number of milliseconds" })
  .int("must be a whole number of milliseconds")
  .positive("must be positive");

/** The zod shape of {@link PipelineOptions}; adapters extend it with their own options. */
export const pipelineOptionsShape = {
  store: z
    .custom<DedupeStore>(
      (value) =>
        typeof value === "object" &&
        value !== null &&
        ["claim", "commit", "release"].every(
          (method) => typeof (value as Record<string, unknown>)[method] === "function",
        ),
      { message: "must be a DedupeStore (an object with claim, commit and release methods)" },
    )
    .optional(),
  mode: z.enum(["enforce", "report"], { message: 'must be "enforce" or "report"' }).optional(),
  clock: aFunction("a function returning a Date").optional(),
  logger: z
    .custom<Logger>(
      (value) =>
        typeof value === "object" &&
        value !== null &&
        typeof (value as Logger).warn === "function" &&
        typeof (value as Logger).error === "function",
      { message: "must have warn() and error() methods" },
    )
    .optional(),
  onError: aFunction("a function").optional(),
  observers: z
    .array(
      z.custom<WebhookObserver>(
        (value) =>
          typeof value === "object" &&
          value !== null &&
          typeof (value as WebhookObserver).onOutcome === "function",
        { message: "must be an observer (an object with an onOutcome method)" },
      ),
      { message: "must be an array of observers" },
    )
    .optional(),
  toleranceSec: z
    .number({ message: "must be a number of seconds" })
    .positive("must be positive")
    .optional(),
  dedupeTtlMs: positiveMs.optional(),
  leaseMs: positiveMs.optional(),
  storeTimeoutMs: positiveMs.optional(),
  onStoreError: z
    .enum(["reject", "process"], { message: 'must be "reject" or "process"' })
    .optional(),
};

// One schema per shape: a zod object compiles its parser when first used (about 0.1 ms), which
// every provider, store and middleware made would pay again for a fresh schema. So give the
// same shape object each time: a constant, not a literal in the call.
const strictSchemas = new WeakMap<z.ZodRawShape, z.ZodObject>();

function strictSchemaOf(shape: z.ZodRawShape): z.ZodObject {
  let schema = strictSchemas.get(shape);
  if (schema === undefined) {
    schema = z.strictObject(shape);
    strictSchemas.set(shape, schema);
  }
  return schema;
}

/**
 * Checks `options` against `shape` and returns them as given, or throws an {@link OptionsError}
 * whose message names each offending option. Unknown options (typos) are errors too: this is for
 * plain JavaScript callers and values read from configuration, which the types cannot check.
 * Pass the same `shape` object every time (a module-level constant, not changed after): its
 * schema is built on first use and kept.
 */
export function validateOptions<Options extends object>(
  shape: z.ZodRawShape,
  options: Options | undefined,
): Options {
  const result = strictSchemaOf(shape).safeParse(options ?? {});
  if (result.success) return options ?? ({} as Options);
  let missing = false;
  // A non-object never gets here with a keyed issue: zod reports it at the root.
  const given = (options ?? {}) as Readonly<Record<PropertyKey, unknown>>;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `unknown option "${key}"`).join("; ");
    }
    if (issue.path.length === 0) return "options must be an object";
    const option = issue.path.join(".");
    // An absent option fails only when it is required, whatever its schema's check (a
    // function, a union, a type) said about `undefined`. Deeper down (`observers.0`), the
    // option was given, with a bad entry.
    const [key] = issue.path;
    if (issue.path.length === 1 && key !== undefined && given[key] === undefined) {
      missing = true;
      return `option "${option}" is required: it ${issue.message}`;
    }
    return `option "${option}" ${issue.message}`;
  });
  const code = missing ? "ERR_SMS_WEBHOOKS_MISSING_OPTION" : "ERR_SMS_WEBHOOKS_INVALID_OPTION";
  throw new OptionsError(code, problems.join("; "));
}

/** Applies defaults, and checks combinations no single option can get wrong on its own. */
export function resolvePipelineOptions<Req>(
  provider: Pick<Provider, "name" | "defaults"> & {
    readonly concat?: object;
    readonly singleUse?: unknown;
  },
  options: PipelineOptions<Req>,
  store: DedupeStore,
): ResolvedPipelineOptions<Req> {
  const toleranceSec = options.toleranceSec ?? provider.defaults.toleranceSec;
  const dedupeTtlMs = options.dedupeTtlMs ?? provider.defaults.dedupeTtlMs;
  // A replay signed at t is accepted until t + tolerance, and may first have been handled as
  // early as t - tolerance: it is only caught if the key outlives the whole window.
  if (dedupeTtlMs < 2 * toleranceSec * 1000) {
    throw new OptionsError(
      "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS",
      `option "dedupeTtlMs" (${dedupeTtlMs} ms) must be at least twice "toleranceSec" ` +
        `(${toleranceSec} s, so ${2 * toleranceSec * 1000} ms): a replay inside the timestamp window ` +
        `would otherwise be handled again`,
    );
  }
  const parts = partStoreOf(store);
  if (provider.concat !== undefined && parts === undefined) {
    throw new OptionsError(
      "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS",
      `option "store": ${provider.name} sends long messages in parts, and this store cannot keep ` +
        "them (it does not implement PartStore: addPart and deleteGroup). Use MemoryStore or " +
        "RedisStore, or implement PartStore on your store.",
    );
  }
  const logger = guardedLogger(options.logger ?? consoleLogger);
  const nonces = nonceStoreOf(store);
  if (provider.singleUse !== undefined && nonces === undefined) {
    throw new OptionsError(
      "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS",
      `option "store": ${provider.name} signs some requests with single-use nonces, and this ` +
        "store cannot keep them (it does not implement NonceStore: bindNonce). Use MemoryStore " +
        "or RedisStore, or implement NonceStore on your store.",
    );
  }
  return {
    store,
    parts,
    nonces,
    mode: options.mode ?? "enforce",
    clock: options.clock ?? (() => new Date()),
    logger,
    onError: options.onError,
    observation: observation(options.observers ?? [], logger),
    toleranceSec,
    dedupeTtlMs,
    leaseMs: options.leaseMs ?? 30_000,
    storeTimeoutMs: options.storeTimeoutMs ?? 2_000,
    onStoreError: options.onStoreError ?? "reject",
  };
}

// A store says it keeps parts by implementing PartStore; asked once, at construction.
function partStoreOf(store: DedupeStore): PartStore | undefined {
  const candidate = store as DedupeStore & Partial<PartStore>;
  return typeof candidate.addPart === "function" && typeof candidate.deleteGroup === "function"
    ? (candidate as DedupeStore & PartStore)
    : undefined;
}

// Likewise for single-use nonces: NonceStore.
function nonceStoreOf(store: DedupeStore): NonceStore | undefined {
  const candidate = store as DedupeStore & Partial<NonceStore>;
  return typeof candidate.bindNonce === "function"
    ? (candidate as DedupeStore & NonceStore)
    : undefined;
}

/**
 * Who is told each request's outcome: the observers, and OpenTelemetry's instruments while an
 * SDK is registered. `active()` is asked per request, so nobody watching costs nothing more.
 */
export interface Observation {
  active(): boolean;
  emit(record: OutcomeRecord): void;
}

function observation(observers: readonly WebhookObserver[], logger: Logger): Observation {
  void loadOpenTelemetry();
  const tell = observers.length === 0 ? undefined : observerDispatch(observers, logger);
  const emitNow = (record: OutcomeRecord) => {
    tell?.(record);
    const instruments = activeInstruments();
    if (instruments !== undefined) recordMetrics(instruments, record);
  };
  return {
    active: () => tell !== undefined || activeInstruments() !== undefined,
    // After the current answer is written: the adapter answers in the microtasks that follow
    // the pipeline's outcome, and a macrotask runs only after them.
    emit: (record) => setImmediate(emitNow, record),
  };
}
