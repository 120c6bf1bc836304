// __tests__/helpers/logger.ts — a logger that remembers what it was told.

import type { Logger } from "../../lib/index.js";

export interface LogEntry {
  level: "warn" | "error";
  message: string;
  details: Record<string, unknown>;
}

export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    warn: (details, message) => entries.push({ level: "warn", message, details }),
    error: (details, message) => entries.push({ level: "error", message, details }),
  };
}
