#!/usr/bin/env node
// lib/testing/cli.ts — the `sms-webhooks` bin: `sms-webhooks send <scenario> <url>`, `list`.

import { runCli } from "./cli-main.js";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
