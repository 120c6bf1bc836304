// __tests__/helpers/browser.ts — a real headless Chromium (Debian's) for the suites that look at
// a page as a person would; skipped loudly without it, mandatory with SMS_WEBHOOKS_REQUIRE_BROWSER=1.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { describeWith } from "./describe-with.js";

/** Where Debian's chromium package puts the browser. */
export const chromiumPath = "/usr/bin/chromium";

/** True when the environment says the browser suites must run (CI). */
export const browserRequired = process.env["SMS_WEBHOOKS_REQUIRE_BROWSER"] === "1";

/** What a run without Chromium says, loudly, in each skipped suite. */
export const browserMissingNotice =
  `⚠ ${chromiumPath} is not installed, so the suites that open a page in a real browser were ` +
  "SKIPPED. Install it (apt-get install -y chromium) to run them; CI does, and sets " +
  "SMS_WEBHOOKS_REQUIRE_BROWSER=1 so that a missing browser fails instead.";

/**
 * `describe` for suites that need Chromium. Without it the suite is skipped with a loud
 * warning — or, with SMS_WEBHOOKS_REQUIRE_BROWSER=1 (CI), fails saying how to fix it.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  describeWith(
    {
      program: chromiumPath,
      available: existsSync(chromiumPath),
      required: browserRequired,
      notice: browserMissingNotice,
      install: "apt-get install -y chromium",
    },
    name,
    body,
  );
}

/** A browser with a fresh profile; `close()` also removes the profile. */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a throw-away profile. The networking flags keep it from
 * reaching out (updates, sync, QUIC probes) on a machine with no network: it only talks to the
 * test's server.
 */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "sms-webhooks-chromium-"));
  // Playwright takes the profile directory itself (it refuses --user-data-dir in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
