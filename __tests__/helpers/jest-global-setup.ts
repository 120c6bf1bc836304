// __tests__/helpers/jest-global-setup.ts — says at the start of `npm test` what it will skip.
// Self-contained: Jest loads a global setup without the suites' module mapping.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export default function announceSkips(): void {
  announceRedis();
  announceBrowser();
}

function announceRedis(): void {
  const required = process.env["SMS_WEBHOOKS_REQUIRE_REDIS"] === "1";
  if (required || spawnSync("redis-server", ["--version"]).status === 0) return;
  console.warn(
    "\n⚠ redis-server is not installed: the RedisStore and chaos suites will be SKIPPED.\n" +
      "  Install it (apt-get install -y redis-server) to run them; CI does, and makes them\n" +
      "  mandatory with SMS_WEBHOOKS_REQUIRE_REDIS=1.\n",
  );
}

// The path is __tests__/helpers/browser.ts's chromiumPath, repeated: see the note above.
function announceBrowser(): void {
  const required = process.env["SMS_WEBHOOKS_REQUIRE_BROWSER"] === "1";
  if (required || existsSync("/usr/bin/chromium")) return;
  console.warn(
    "\n⚠ /usr/bin/chromium is not installed: the inspector's browser suite will be SKIPPED.\n" +
      "  Install it (apt-get install -y chromium) to run it; CI does, and makes it mandatory\n" +
      "  with SMS_WEBHOOKS_REQUIRE_BROWSER=1.\n",
  );
}
