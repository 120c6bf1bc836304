// examples/demo.ts — `npm run demo`: signed traffic at the example server, and what it answered.

import { fire, scenarios, type TrafficRequest } from "../lib/testing/index.js";
import { baseUrl, paths, secrets } from "./config.js";

interface Step {
  title: string;
  request: TrafficRequest;
  expect: number;
}

interface ProviderDemo {
  label: string;
  url: string;
  steps: Step[];
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

// The same story for every provider: an event, the provider's retry of it, a forgery, a replay.
function story(scenarioName: string, secret: string, staleMinutes: number): Step[] {
  const scenario = scenarios[scenarioName]!;
  const now = new Date();
  const body = scenario.body(now);
  const old = minutesAgo(staleMinutes);
  return [
    { title: scenario.description, request: scenario.sign(body, secret, now), expect: 204 },
    {
      title: "the provider retries it",
      request: scenario.sign(body, secret, new Date()),
      expect: 200,
    },
    {
      title: "a forged request (wrong secret)",
      request: scenario.sign(scenario.body(now), "not-the-secret", now),
      expect: 401,
    },
    {
      title: `a replay from ${staleMinutes} minutes ago`,
      request: scenario.sign(scenario.body(old), secret, old),
      expect: 401,
    },
  ];
}

function demos(): ProviderDemo[] {
  const delivered = scenarios["android-delivered"]!;
  return [
    {
      label: "Android",
      url: `${baseUrl}${paths.android}`,
      steps: [
        ...story("android-received", secrets.android, 10),
        {
          title: delivered.description,
          request: delivered.sign(delivered.body(new Date()), secrets.android, new Date()),
          expect: 204,
        },
      ],
    },
    {
      label: "Mifumo",
      url: `${baseUrl}${paths.mifumo}`,
      steps: [
        ...story("mifumo-delivered", secrets.mifumo, 90),
        {
          title: scenarios["mifumo-sent"]!.description,
          request: scenarios["mifumo-sent"]!.sign(
            scenarios["mifumo-sent"]!.body(new Date()),
            secrets.mifumo,
            new Date(),
          ),
          expect: 204,
        },
      ],
    },
  ];
}

async function main(): Promise<number> {
  console.log(`Firing signed webhooks at ${baseUrl}\n`);
  let unexpected = 0;
  for (const demo of demos()) {
    for (const step of demo.steps) {
      let status: number;
      let body: string;
      try {
        ({ status, body } = await fire(demo.url, step.request));
      } catch (error) {
        console.error(
          `Could not reach ${demo.url}: is the server running? Start it with npm start.`,
        );
        console.error(error instanceof Error ? (error.cause ?? error.message) : error);
        return 1;
      }
      const ok = status === step.expect;
      if (!ok) unexpected++;
      console.log(
        `${ok ? "✓" : "✗"} ${demo.label.padEnd(8)} ${step.title.padEnd(42)} → ${status} ${body}`.trimEnd(),
      );
    }
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
