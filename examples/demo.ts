// examples/demo.ts — `npm run demo`: signed traffic at the example server, and what it answered.

import { fire, scenarios, type TrafficRequest } from "../lib/testing/index.js";
import { baseUrl, paths, secrets } from "./config.js";

interface Step {
  title: string;
  requests: TrafficRequest[];
  /** The status of each request's answer, in order (one for most; one per part for a long SMS). */
  expect: number[];
}

interface ProviderDemo {
  label: string;
  mount: string;
  secret: string;
  steps: [scenarioName: string, Step][];
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

// The same story for every provider: an event, the provider's retry of it, a forgery, a replay.
function story(scenarioName: string, secret: string, staleMinutes: number): [string, Step][] {
  const scenario = scenarios[scenarioName]!;
  const event = scenario.event(new Date());
  const old = minutesAgo(staleMinutes);
  return [
    [
      scenarioName,
      { title: scenario.description, requests: event.sign(secret, new Date()), expect: [204] },
    ],
    [
      scenarioName,
      { title: "the provider retries it", requests: event.sign(secret, new Date()), expect: [200] },
    ],
    [
      scenarioName,
      {
        title: "a forged request (wrong secret)",
        requests: scenario.event(new Date()).sign("not-the-secret", new Date()),
        expect: [401],
      },
    ],
    [
      scenarioName,
      {
        title: `a replay from ${staleMinutes} minutes ago`,
        requests: scenario.event(old).sign(secret, old),
        expect: [401],
      },
    ],
  ];
}

function single(scenarioName: string, secret: string, expect: number[]): [string, Step] {
  const scenario = scenarios[scenarioName]!;
  return [
    scenarioName,
    {
      title: scenario.description,
      requests: scenario.event(new Date()).sign(secret, new Date()),
      expect,
    },
  ];
}

function demos(): ProviderDemo[] {
  return [
    {
      label: "Android",
      mount: paths.android,
      secret: secrets.android,
      steps: [
        ...story("android-received", secrets.android, 10),
        single("android-delivered", secrets.android, [204]),
      ],
    },
    {
      label: "Mifumo",
      mount: paths.mifumo,
      secret: secrets.mifumo,
      steps: [
        ...story("mifumo-delivered", secrets.mifumo, 90),
        single("mifumo-sent", secrets.mifumo, [204]),
      ],
    },
    {
      label: "Vonage",
      mount: paths.vonageSms,
      secret: secrets.vonageSms,
      steps: [
        ...story("vonage-dlr", secrets.vonageSms, 10),
        single("vonage-inbound", secrets.vonageSms, [204]),
        // Two parts: the first is acknowledged, the second completes the message.
        single("vonage-inbound-long", secrets.vonageSms, [200, 204]),
      ],
    },
  ];
}

async function main(): Promise<number> {
  console.log(`Firing signed webhooks at ${baseUrl}\n`);
  let unexpected = 0;
  for (const demo of demos()) {
    for (const [scenarioName, step] of demo.steps) {
      const url = `${baseUrl}${demo.mount}${scenarios[scenarioName]!.path}`;
      const answers: string[] = [];
      let ok = step.requests.length === step.expect.length;
      for (const [index, request] of step.requests.entries()) {
        try {
          const { status, body } = await fire(url, request);
          ok &&= status === step.expect[index];
          answers.push(`${status} ${body}`.trimEnd());
        } catch (error) {
          console.error(`Could not reach ${url}: is the server running? Start it with npm start.`);
          console.error(error instanceof Error ? (error.cause ?? error.message) : error);
          return 1;
        }
      }
      if (!ok) unexpected++;
      console.log(
        `${ok ? "✓" : "✗"} ${demo.label.padEnd(8)} ${step.title.padEnd(42)} → ${answers.join(" | ")}`,
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
