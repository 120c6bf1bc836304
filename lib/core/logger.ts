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

/** The default logger: one console line per entry, prefixed `[sms-webhooks]`. */
export const consoleLogger: Logger = {
  warn: (details, message) => console.warn(`[sms-webhooks] ${message} ${JSON.stringify(details)}`),
  error: (details, message) =>
    console.error(`[sms-webhooks] ${message} ${JSON.stringify(details)}`),
};

/** A logger that drops everything (for tests and benchmarks). */
export const silentLogger: Logger = { warn: () => {}, error: () => {} };
