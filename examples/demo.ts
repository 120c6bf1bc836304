// examples/demo.ts — `npm run demo`: signed traffic at the example server, and what it answered.

import {
  fire,
  scenarios,
  telnyxKeyPair,
  type Scenario,
  type TrafficRequest,
} from "../lib/testing/index.js";
import { baseUrl, paths, secrets } from "./config.js";

interface Step {
  title: string;
  scenario: Scenario;
  /** The request(s) to send to `url` (a provider that signs the URL it calls signs this one). */
  requests(url: string): TrafficRequest[] | Promise<TrafficRequest[]>;
  /** The status of each request's answer, in order (one per part for a long SMS). */
  expect: number[];
}

interface ProviderDemo {
  label: string;
  mount: string;
  steps: Step[];
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

function scenarioNamed(name: string): Scenario {
  const scenario = scenarios[name];
  if (scenario === undefined) throw new Error(`no scenario ${name}`);
  return scenario;
}

// The same story for every provider: an event, the provider's retry of it, a forgery, a replay.
function story(
  name: string,
  secret: string,
  staleMinutes: number,
  forgerySecret = "not-the-secret",
): Step[] {
  const scenario = scenarioNamed(name);
  const event = scenario.event(new Date());
  const old = minutesAgo(staleMinutes);
  return [
    {
      title: scenario.description,
      scenario,
      requests: (url) => event.sign(secret, new Date(), url),
      expect: [204],
    },
    {
      title: "the provider retries it",
      scenario,
      requests: (url) => event.sign(secret, new Date(), url),
      expect: [200],
    },
    {
      title: "a forged request (wrong secret)",
      scenario,
      requests: (url) => scenario.event(new Date()).sign(forgerySecret, new Date(), url),
      expect: [401],
    },
    {
      title: `a replay from ${staleMinutes} minutes ago`,
      scenario,
      requests: (url) => scenario.event(old).sign(secret, old, url),
      expect: [401],
    },
  ];
}

// Twilio and Plivo sign no time but the URL they called: replays are caught by dedupe, and a
// request signed for another URL (a proxy the app was not told about) fails.
function signedUrlStory(name: string, secret: string): Step[] {
  const scenario = scenarioNamed(name);
  const event = scenario.event(new Date());
  const publicUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, "https://hooks.example.com");
  return [
    // The event, the provider's retry of it, a forgery; no window to replay past.
    ...story(name, secret, 0).slice(0, 3),
    {
      title: "signed for a URL behind an unknown proxy",
      scenario,
      requests: (url) => event.sign(secret, new Date(), publicUrl(url)),
      expect: [401],
    },
  ];
}

function single(name: string, secret: string, expect: number[]): Step {
  const scenario = scenarioNamed(name);
  const requests = (url: string) => scenario.event(new Date()).sign(secret, new Date(), url);
  return { title: scenario.description, scenario, requests, expect };
}

function demos(): ProviderDemo[] {
  return [
    {
      label: "Android",
      mount: paths.android,
      steps: [
        ...story("android-received", secrets.android, 10),
        single("android-delivered", secrets.android, [204]),
      ],
    },
    {
      label: "Mifumo",
      mount: paths.mifumo,
      steps: [
        ...story("mifumo-delivered", secrets.mifumo, 90),
        single("mifumo-sent", secrets.mifumo, [204]),
      ],
    },
    {
      label: "Vonage",
      mount: paths.vonageSms,
      steps: [
        ...story("vonage-dlr", secrets.vonage, 10),
        single("vonage-inbound", secrets.vonage, [204]),
        // Two parts: the first is acknowledged, the second completes the message.
        single("vonage-inbound-long", secrets.vonage, [200, 204]),
      ],
    },
    {
      label: "Messages",
      mount: paths.vonageMessages,
      steps: [
        ...story("vonage-messages-inbound", secrets.vonage, 10),
        single("vonage-messages-status", secrets.vonage, [204]),
      ],
    },
    {
      label: "Twilio",
      mount: paths.twilio,
      steps: [
        ...signedUrlStory("twilio-inbound", secrets.twilio),
        single("twilio-status", secrets.twilio, [204]),
      ],
    },
    {
      label: "Sinch",
      mount: paths.sinch,
      steps: [
        // The window is 24 hours (Sinch's retries span nearly 23): replayed a day later.
        ...story("sinch-delivered", secrets.sinch, 25 * 60),
        single("sinch-inbound", secrets.sinch, [204]),
        single("sinch-failed", secrets.sinch, [204]),
      ],
    },
    {
      label: "Telnyx",
      mount: paths.telnyx,
      steps: [
        // The forgery is signed with another key pair's private key: Telnyx's keys are Ed25519.
        ...story("telnyx-received", secrets.telnyxDemoPrivateKey, 10, telnyxKeyPair().privateKey),
        single("telnyx-finalized", secrets.telnyxDemoPrivateKey, [204]),
      ],
    },
    {
      label: "Bird",
      mount: paths.bird,
      steps: [
        ...story("bird-inbound", secrets.bird, 10),
        single("bird-status", secrets.bird, [204]),
      ],
    },
    {
      // A token lives 60 s: two minutes old is a replay.
      label: "MsgBird",
      mount: paths.messageBird,
      steps: [
        ...story("messagebird-status", secrets.messageBird, 2),
        single("messagebird-inbound", secrets.messageBird, [204]),
      ],
    },
    {
      label: "Plivo",
      mount: paths.plivo,
      steps: [
        ...signedUrlStory("plivo-inbound", secrets.plivo),
        single("plivo-inbound-v3", secrets.plivo, [204]),
        single("plivo-status", secrets.plivo, [204]),
      ],
    },
  ];
}

async function main(): Promise<number> {
  console.log(`Firing signed webhooks at ${baseUrl}\n`);
  let unexpected = 0;
  for (const demo of demos()) {
    for (const step of demo.steps) {
      const url = `${baseUrl}${demo.mount}${step.scenario.path}`;
      const requests = await step.requests(url);
      const answers: string[] = [];
      let ok = requests.length === step.expect.length;
      for (const [index, request] of requests.entries()) {
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
      const line = `${demo.label.padEnd(9)} ${step.title.padEnd(42)} → ${answers.join(" | ")}`;
      console.log(`${ok ? "✓" : "✗"} ${line}`);
    }
  }
  console.log(
    unexpected === 0
      ? "\nEvery answer was the expected one."
      : `\n${unexpected} unexpected answers.`,
  );
  console.log(`Each one, with the hint for each rejection: ${baseUrl}/_webhooks`);
  return unexpected === 0 ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
