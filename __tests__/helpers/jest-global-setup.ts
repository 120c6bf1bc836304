// __tests__/helpers/jest-global-setup.ts — says at the start of `npm test` what it will skip.
// Self-contained: Jest loads a global setup without the suites' module mapping.

import { spawnSync } from "node:child_process";

export default function announceSkips(): void {
  const required = process.env["SMS_WEBHOOKS_REQUIRE_REDIS"] === "1";
  if (required || spawnSync("redis-server", ["--version"]).status === 0) return;
  console.warn(
    "\n⚠ redis-server is not installed: the RedisStore and chaos suites will be SKIPPED.\n" +
      "  Install it (apt-get install -y redis-server) to run them; CI does, and makes them\n" +
      "  mandatory with SMS_WEBHOOKS_REQUIRE_REDIS=1.\n",
  );
}
