// lib/core/logger.ts — the logging the library needs: pino-compatible warn and error.

/**
 * What the library logs through: pino, bunyan-style and console-style loggers all fit. Log
 * entries never contain secrets or computed signatures.
 */
export interface Logger {
  /** A rejected webhook, or a risky configuration (e.g. unsigned traffic accepted). */
  warn(details: Record<string, unknown>, message: string): void;
  /** Something the library could not do: a store failing, a commit lost. */
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * `logger` made safe to call anywhere: a `warn` or `error` that throws is swallowed, so a broken
 * logger can neither change an answer nor escape as an unhandled rejection. Its failure is said
 * once, as a process warning (the logger itself cannot say it).
 */
export function guardedLogger(logger: Logger): Logger {
  let warned = false;
  const guard =
    (level: "warn" | "error"): Logger["warn"] =>
    (details, message) => {
      try {
        logger[level](details, message);
      } catch (error) {
        if (warned) return;
        warned = true;
        process.emitWarning(
          `sms-webhooks: the logger's ${level}() threw (${error instanceof Error ? error.name : typeof error}); its entries are dropped`,
        );
      }
    };
  return { warn: guard("warn"), error: guard("error") };
}

/** The default logger: one console line per entry, prefixed `[sms-webhooks]`. */
export const consoleLogger: Logger = {
  warn: (details, message) => console.warn(`[sms-webhooks] ${message} ${JSON.stringify(details)}`),
  error: (details, message) =>
    console.error(`[sms-webhooks] ${message} ${JSON.stringify(details)}`),
};

/** A logger that drops everything (for tests and benchmarks). */
export const silentLogger: Logger = { warn: () => {}, error: () => {} };
