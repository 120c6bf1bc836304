// __tests__/testing/cli.test.ts — `sms-webhooks send` fires signed traffic a real server accepts.
// The CLI runs in-process; one test runs it as `npm run cli --`, to see it wired up.

import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import {
  androidSmsGateway,
  plivo,
  bird,
  messageBird,
  sinch,
  smsWebhook,
  telnyx,
  twilio,
  vonageSms,
  type Provider,
  type SmsEvent,
  smsEventOf,
} from "../../lib/index.js";
import { runCli } from "../../lib/testing/cli-main.js";
import { telnyxKeyPair } from "../../lib/testing/index.js";
import { express } from "../helpers/app.js";
import { memoryLogger } from "../helpers/logger.js";

// Runs the CLI in-process: its exit code and what it printed.
async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    log: (line) => stdout.push(line),
    error: (line) => stderr.push(line),
  });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

async function listen(app: ReturnType<typeof express>): Promise<Server> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return server;
}

const urlOf = (server: Server, path: string) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

describe("sms-webhooks CLI", () => {
  const events: SmsEvent[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.post(
      "/hooks/android",
      smsWebhook(androidSmsGateway({ secret: "cli-key" }), { logger: memoryLogger() }),
      (req, res) => {
        events.push(smsEventOf(req));
        res.sendStatus(204);
      },
    );
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/android`;
  });

  afterAll(() => {
    server.close();
  });

  it("sends a signed event, then its retries, which are duplicates", async () => {
    const { stdout } = await run([
      "send",
      "android-received",
      url,
      "--secret",
      "cli-key",
      "--times",
      "2",
    ]);
    expect(stdout).toMatch(/#1 → 204/);
    expect(stdout).toMatch(/#2 → 200 \{"status":"duplicate"\}/);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "message.received", verified: true });
  });

  it("reports the server's rejection of a wrong secret and a stale time", async () => {
    const wrong = await run(["send", "android-ping", url, "--secret", "nope"]);
    expect(wrong.stdout).toContain("→ 401");
    expect(wrong.stdout).toContain("signature_invalid");
    const stale = await run(["send", "android-ping", url, "--secret", "cli-key", "--skew=-900"]);
    expect(stale.stdout).toContain("timestamp_out_of_window");
  });

  // A server with `provider`'s router at `mount`, recording "path type" of each event.
  async function routerServer(provider: Provider<unknown, unknown>, mount: string) {
    const app = express();
    const received: string[] = [];
    app.use(
      mount,
      smsWebhook.router(provider, {
        logger: memoryLogger(),
        handler: (req, res) => {
          received.push(`${req.path} ${req.smsEvent.type}`);
          res.sendStatus(204);
        },
      }),
    );
    const routed = await listen(app);
    return { url: urlOf(routed, mount), received, close: () => routed.close() };
  }

  it("adds the scenario's path to a router's mount point, as in `send vonage-dlr …/hooks/vonage`", async () => {
    const vonage = await routerServer(vonageSms({ secret: "cli-vonage" }), "/hooks/vonage");
    try {
      const { stdout } = await run(["send", "vonage-dlr", vonage.url, "--secret", "cli-vonage"]);
      expect(stdout).toContain("→ 204");
      expect(vonage.received).toEqual(["/status message.status"]);
    } finally {
      vonage.close();
    }
  });

  it("signs a Twilio scenario for the URL it sends to, scenario path included", async () => {
    const twilioServer = await routerServer(
      twilio({ secret: "cli-twilio-token" }),
      "/hooks/twilio",
    );
    try {
      const base = twilioServer.url;
      const args = ["--secret", "cli-twilio-token", "--times", "2"];
      const inbound = await run(["send", "twilio-inbound", base, ...args]);
      expect(inbound.stdout).toMatch(/#1 → 204/);
      expect(inbound.stdout).toMatch(/#2 → 200 \{"status":"duplicate"\}/);
      const status = await run(["send", "twilio-status", `${base}/status`, ...args]);
      expect(status.stdout).toMatch(/#1 → 204/);
      expect(twilioServer.received).toEqual([
        "/inbound message.received",
        "/status message.status",
      ]);
    } finally {
      twilioServer.close();
    }
  });

  it("sends the Sinch scenarios to a router's mount point, each retry a duplicate", async () => {
    const sinchServer = await routerServer(sinch({ secret: "cli-sinch-secret" }), "/hooks/sinch");
    try {
      const args = ["--secret", "cli-sinch-secret", "--times", "2"];
      for (const scenario of ["sinch-inbound", "sinch-delivered", "sinch-failed"]) {
        const { stdout } = await run(["send", scenario, sinchServer.url, ...args]);
        expect(stdout).toMatch(/#1 → 204/);
        expect(stdout).toMatch(/#2 → 200 \{"status":"duplicate"\}/);
      }
      expect(sinchServer.received).toEqual([
        "/ message.received",
        "/ message.status",
        "/ message.status",
      ]);
    } finally {
      sinchServer.close();
    }
  });

  it("signs a Telnyx scenario with the private key of the pair the server has the public key of", async () => {
    const { publicKey, privateKey } = telnyxKeyPair();
    const telnyxServer = await routerServer(telnyx({ publicKey }), "/hooks/telnyx");
    try {
      const args = ["--secret", privateKey, "--times", "2"];
      const inbound = await run(["send", "telnyx-received", telnyxServer.url, ...args]);
      expect(inbound.stdout).toMatch(/#1 → 204/);
      expect(inbound.stdout).toMatch(/#2 → 200 \{"status":"duplicate"\}/);
      const status = await run(["send", "telnyx-finalized", telnyxServer.url, ...args]);
      expect(status.code).toBe(0);
      const forged = await run([
        "send",
        "telnyx-sent",
        telnyxServer.url,
        "--secret",
        telnyxKeyPair().privateKey,
      ]);
      expect(forged.stdout).toContain("signature_invalid");
      expect(telnyxServer.received).toEqual(["/ message.received", "/ message.status"]);
      const malformed = await run(["send", "telnyx-sent", telnyxServer.url, "--secret", "nope"]);
      expect(malformed.code).toBe(1);
      expect(malformed.stderr).toContain('Could not sign "telnyx-sent": ');
      expect(malformed.stderr).toContain("32-byte Ed25519 seed");
    } finally {
      telnyxServer.close();
    }
  });

  it.each([
    ["bird", () => bird({ secret: "cli-bird-key" }), "bird-inbound", "bird-status", "cli-bird-key"],
    [
      "messageBird",
      () => messageBird({ secret: "cli-messagebird-key" }),
      "messagebird-inbound",
      "messagebird-status",
      "cli-messagebird-key",
    ],
  ])(
    "signs %s's scenarios for the URL it sends to, each retry re-signed",
    async (_name, provider, inboundScenario, statusScenario, key) => {
      const server = await routerServer(provider(), "/hooks/x");
      try {
        const args = ["--secret", key, "--times", "2"];
        const inbound = await run(["send", inboundScenario, server.url, ...args]);
        expect(inbound.stdout).toMatch(/#1 → 204/);
        expect(inbound.stdout).toMatch(/#2 → 200 \{"status":"duplicate"\}/);
        expect((await run(["send", statusScenario, server.url, ...args])).stdout).toMatch(
          /#1 → 204/,
        );
        expect(server.received).toEqual(["/ message.received", "/ message.status"]);
      } finally {
        server.close();
      }
    },
  );

  it("signs a Plivo scenario (V2 and V3) for the URL it sends to, scenario path included", async () => {
    const plivoServer = await routerServer(plivo({ secret: "cli-plivo-token" }), "/hooks/plivo");
    try {
      const args = ["--secret", "cli-plivo-token", "--times", "2"];
      const inbound = await run(["send", "plivo-inbound", plivoServer.url, ...args]);
      expect(inbound.stdout).toMatch(/#1 → 204/);
      expect(inbound.stdout).toMatch(/#2 → 200 \{"status":"duplicate"\}/);
      const v3 = await run(["send", "plivo-inbound-v3", plivoServer.url, ...args]);
      expect(v3.stdout).toMatch(/#1 → 204/);
      const status = await run(["send", "plivo-status", plivoServer.url, ...args]);
      expect(status.stdout).toMatch(/#1 → 204/);
      expect(plivoServer.received).toEqual([
        "/inbound message.received",
        "/inbound message.received",
        "/status message.status",
      ]);
    } finally {
      plivoServer.close();
    }
  });

  it("exits 0 with its usage for --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("sms-webhooks send <scenario> <url>");
  });

  it.each([
    [["send", "constructor", "URL", "--secret", "k"], 'There is no scenario "constructor"'],
    [["send", "android-ping", "URL", "--secret", "k", "--times", "abc"], "--times must be"],
    [["send", "android-ping", "URL", "--secret", "k", "--times", "0"], "--times must be"],
    [["send", "android-ping", "URL", "--secret", "k", "--skew=soon"], "--skew must be"],
    [["send", "android-ping", "URL"], "Usage:"],
  ])("refuses %j, exiting 1 and saying why, sending nothing", async (args, message) => {
    const before = events.length;
    const failure = await run(args.map((arg) => (arg === "URL" ? url : arg)));
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(message);
    expect(events).toHaveLength(before);
  });

  it("lists its scenarios", async () => {
    const { stdout } = await run(["list"]);
    expect(stdout).toContain("android-received");
    expect(stdout).toContain("twilio-inbound");
    expect(stdout).toContain("twilio-status");
    expect(stdout).toContain("sinch-inbound");
    expect(stdout).toContain("telnyx-finalized");
    expect(stdout).toContain("bird-inbound");
    expect(stdout).toContain("messagebird-status");
    expect(stdout).toContain("plivo-inbound");
  });

  it("exits 0 when the event is accepted and its retries are answered as duplicates", async () => {
    const result = await run(["send", "android-ping", url, "--secret", "cli-key", "--times", "3"]);
    expect(result.stdout).toMatch(/#1 → 204[\s\S]*#2 → 200[\s\S]*#3 → 200/);
    expect(result).toMatchObject({ code: 0, stderr: "" });
  });

  it("exits 1 and names the status when the server rejects the request", async () => {
    const result = await run(["send", "android-ping", url, "--secret", "wrong-key"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("#1 → 401");
    expect(result.stderr).toContain("Expected every answer to be 2xx; got 401.");
  });

  it("exits 1 for a stale request, rejected as outside the window", async () => {
    const result = await run(["send", "android-ping", url, "--secret", "cli-key", "--skew=-900"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("timestamp_out_of_window");
  });

  it("says which URL it could not reach and why when the server is down", async () => {
    const closed = await listen(express());
    const downUrl = urlOf(closed, "/hooks/android");
    await new Promise((resolve) => closed.close(resolve));
    const result = await run(["send", "android-ping", downUrl, "--secret", "cli-key"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not reach ${downUrl}: ECONNREFUSED`);
    expect(result.stdout).toBe("");
  });

  it("says there is no such scenario before asking for the secret", async () => {
    const result = await run(["send", "nope", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no scenario "nope"');
    expect(result.stderr).not.toContain("--secret");
  });

  it("says --secret is required for a known scenario without one", async () => {
    const result = await run(["send", "android-ping", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--secret is required");
  });

  it("lists scenarios in aligned columns, however long a name is", async () => {
    const { code, stdout } = await run(["list"]);
    expect(code).toBe(0);
    // Where the provider and the description start on each line: one column each.
    const starts = stdout.split("\n").map((line) => {
      const [, name = "", gap = "", provider = "", gap2 = ""] =
        /^(\S+)( +)(\S+)( +)/.exec(line) ?? [];
      return [name.length + gap.length, name.length + gap.length + provider.length + gap2.length];
    });
    expect(new Set(starts.map(([provider]) => provider)).size).toBe(1);
    expect(new Set(starts.map(([, description]) => description)).size).toBe(1);
    expect(stdout).toContain("vonage-messages-inbound  vonage-messages");
  });

  it("runs in the repository as `npm run cli --`, passing on its exit code", async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
      (resolve) => {
        const child = execFile(
          "npm",
          ["run", "--silent", "cli", "--", "send", "nope", url],
          { timeout: 20_000 },
          (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
        );
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('There is no scenario "nope"');
  }, 30_000);
});
