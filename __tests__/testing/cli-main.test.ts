// __tests__/testing/cli-main.test.ts — the CLI's exit code and messages: an unexpected answer,
// an unreachable server, a missing secret or scenario, and the `list` table.

import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { androidSmsGateway, smsWebhook } from "../../lib/index.js";
import { runCli } from "../../lib/testing/cli-main.js";
import { express } from "../helpers/app.js";
import { memoryLogger } from "../helpers/logger.js";

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

describe("sms-webhooks CLI exit codes and messages", () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.post(
      "/hooks/android",
      smsWebhook(androidSmsGateway({ secret: "cli-key" }), { logger: memoryLogger() }),
      (_req, res) => {
        res.sendStatus(204);
      },
    );
    server = await listen(app);
    url = urlOf(server, "/hooks/android");
  });

  afterAll(() => {
    server.close();
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
