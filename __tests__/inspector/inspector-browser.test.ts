// __tests__/inspector/inspector-browser.test.ts — the inspector page in a real headless Chromium,
// after a night's signed traffic: what a person on call would see.

import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { maskPhone } from "../../lib/inspector/mask.js";
import type { SmsEvent } from "../../lib/index.js";
import { describeWithBrowser, launchBrowser, type Browser } from "../helpers/browser.js";
import { hostilePart, hostileRecord, payload } from "../helpers/hostile-record.js";
import { sendTraffic, startInspectedApp, type InspectedApp } from "../helpers/inspected-app.js";

// `SMS_WEBHOOKS_UPDATE_SCREENSHOT=1 npx jest __tests__/inspector/inspector-browser` rewrites
// the README's screenshot; other runs leave the committed one alone.
const updateScreenshot = process.env["SMS_WEBHOOKS_UPDATE_SCREENSHOT"] === "1";

/** A page that records every console error and uncaught exception it meets. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return { page, errors };
}

function numbersOf(event: SmsEvent): string[] {
  if (event.type === "message.received") return [event.from, ...(event.to ? [event.to] : [])];
  if (event.type === "message.status") return event.recipients;
  return [];
}

describeWithBrowser("the inspector page in a browser", () => {
  let app: InspectedApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startInspectedApp(), launchBrowser()]);
    await sendTraffic(app.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), app?.close()]);
  });

  it("shows each rejection with its hint, in rows marked as rejected", async () => {
    const { page, errors } = await openPage(browser, `${app.url}/_webhooks/`);
    const rejected = page.locator("table.deliveries tbody.rejected");
    expect(await rejected.count()).toBe(6);
    const hints = await rejected.locator("td.hint").allInnerTexts();
    expect(hints).toEqual(
      expect.arrayContaining([
        expect.stringContaining("matches none of the configured secrets"),
        expect.stringMatching(/The signed time is \d+ s behind this server's clock/),
        expect.stringContaining("The provider signs the URL it called"),
      ]),
    );
    // The rows look like rejections: the stylesheet applied (the CSP allowed it by its hash).
    const background = await rejected
      .first()
      .locator("td")
      .first()
      .evaluate<string, undefined>("(cell) => getComputedStyle(cell).backgroundColor");
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("masks every phone number and text", async () => {
    const { page } = await openPage(browser, `${app.url}/_webhooks/`);
    const text = await page.locator("body").innerText();
    const numbers = app.events.flatMap(numbersOf);
    expect(numbers.length).toBeGreaterThan(3);
    for (const number of numbers) {
      expect(text).not.toContain(number);
      expect(text).toContain(maskPhone(number));
    }
    for (const event of app.events) {
      if (event.type === "message.received") expect(text).not.toContain(event.text);
    }
    expect(text).toMatch(/\[\d+ chars\]/);
    await page.close();
  });

  it("counts each provider's outcomes and lists the message still waiting for a part", async () => {
    const { page } = await openPage(browser, `${app.url}/_webhooks/`);
    const row = async (provider: string) =>
      page
        .locator("table.counts tbody tr", { has: page.getByText(provider, { exact: true }) })
        .locator("td")
        .allInnerTexts();
    // delivered, duplicate, part, in flight, rejected, let through, total
    expect(await row("android-sms-gateway")).toEqual(["1", "1", "0", "0", "2", "0", "4"]);
    expect(await row("vonage-sms")).toEqual(["3", "1", "2", "0", "1", "0", "7"]);
    expect(await row("twilio")).toEqual(["1", "1", "0", "0", "1", "0", "3"]);
    const pending = await page.locator("table.pending tbody tr td").allInnerTexts();
    expect(pending[1]).toBe("vonage-sms");
    expect(pending[2]).toBe("1 of 2");
    expect(pending[0]).toContain("••");
    await page.close();
  });

  it("filters with a plain form, no script on the page", async () => {
    const { page, errors } = await openPage(browser, `${app.url}/_webhooks`);
    expect(await page.evaluate<number>("document.scripts.length")).toBe(0);
    await page.selectOption("select[name=outcome]", "rejected");
    await page.selectOption("select[name=provider]", "android-sms-gateway");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).searchParams.get("outcome")).toBe("rejected");
    const groups = await page.locator("table.deliveries tbody").all();
    const outcomes = await Promise.all(groups.map((group) => group.getAttribute("class")));
    expect(outcomes).toEqual(["delivery rejected", "delivery rejected"]);
    // A count links to the same view.
    await page.goto(`${app.url}/_webhooks/`);
    await page
      .locator("table.counts tr", { has: page.getByText("twilio", { exact: true }) })
      .locator("a.o-duplicate")
      .click();
    expect(await page.locator("table.deliveries tbody").count()).toBe(1);
    expect(errors).toEqual([]);
    if (updateScreenshot) {
      await page.goto(`${app.url}/_webhooks/`);
      await page.setViewportSize({ width: 1500, height: 1100 });
      writeFileSync("docs/inspector.png", await page.screenshot());
    }
    await page.close();
  });

  it("shows a payload with markup and quotes in every field as text, and runs none of it", async () => {
    // Content shown, so the text and the numbers reach the page as they came.
    const shown = await startInspectedApp({ showContent: true });
    void shown.inspector.onOutcome(hostileRecord());
    void shown.inspector.onOutcome(hostilePart());
    const { page, errors } = await openPage(browser, `${shown.url}/_webhooks/`);
    expect(await page.evaluate<unknown>("window.__pwned")).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    const row = page.locator("table.deliveries tbody.let_through");
    expect(await row.locator("td").nth(1).innerText()).toBe(`prov${payload}`);
    expect(await row.locator("td").nth(2).innerText()).toBe(`POST /hooks/${payload}`);
    expect(await row.locator("td.hint").innerText()).toBe(`hint${payload}`);
    expect(await row.locator("td.event").innerText()).toContain(`id${payload}`);
    expect(await row.locator("td.content").innerText()).toContain(`text${payload}`);
    expect(await row.locator("td.content").innerText()).toContain(`to${payload}`);
    expect(await page.locator("table.pending").innerText()).toContain(`group${payload}`);
    expect(errors).toEqual([]);
    await page.close();
    await shown.close();
  });
});
