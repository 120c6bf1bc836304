// examples/demo.ts — `npm run demo`: signed traffic at the example server, and what it answered.

import { fire, scenarios, type TrafficRequest } from "../lib/testing/index.js";
import { baseUrl, paths, secrets } from "./config.js";

interface Step {
  title: string;
  url: string;
  request: TrafficRequest;
  expect: number;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

function androidSteps(): Step[] {
  const url = `${baseUrl}${paths.android}`;
  const received = scenarios["android-received"]!;
  const delivered = scenarios["android-delivered"]!;
  const sms = received.body();
  const receipt = delivered.body();
  return [
    {
      title: "an SMS arrives",
      url,
      request: received.sign(sms, secrets.android, new Date()),
      expect: 204,
    },
    {
      title: "the app retries it (re-signed, same id)",
      url,
      request: received.sign(sms, secrets.android, new Date()),
      expect: 200,
    },
    {
      title: "a delivery receipt",
      url,
      request: delivered.sign(receipt, secrets.android, new Date()),
      expect: 204,
    },
    {
      title: "a forged request (wrong key)",
      url,
      request: received.sign(received.body(), "not-the-signing-key", new Date()),
      expect: 401,
    },
    {
      title: "a replay signed 10 minutes ago",
      url,
      request: received.sign(received.body(), secrets.android, minutesAgo(10)),
      expect: 401,
    },
  ];
}

async function main(): Promise<number> {
  console.log(`Firing signed webhooks at ${baseUrl}\n`);
  let unexpected = 0;
  for (const step of androidSteps()) {
    let outcome: string;
    let status: number;
    try {
      const response = await fire(step.url, step.request);
      status = response.status;
      outcome = `${response.status} ${response.body}`.trim();
    } catch (error) {
      console.error(`Could not reach ${step.url}: is the server running? Start it with npm start.`);
      console.error(error instanceof Error ? (error.cause ?? error.message) : error);
      return 1;
    }
    const ok = status === step.expect;
    if (!ok) unexpected++;
    console.log(`${ok ? "✓" : "✗"} Android: ${step.title.padEnd(42)} → ${outcome}`);
  }
  console.log(
    unexpected === 0
      ? "\nEvery answer was the expected one."
      : `\n${unexpected} unexpected answers.`,
  );
  return unexpected === 0 ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
