// __tests__/examples/server.test.ts — `npm start` on a busy port fails loudly, and says how to
// pick another, instead of printing the banner .ci/run's readiness check waits for.

import { execFile } from "node:child_process";
import { createServer, type AddressInfo, type Server } from "node:net";

describe("examples/server.ts", () => {
  let busy: Server;
  let port: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    port = (busy.address() as AddressInfo).port;
  });

  afterAll(() => {
    busy.close();
  });

  it("exits non-zero on a busy port, naming the port and how to change it", async () => {
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = execFile(
        "node_modules/.bin/tsx",
        ["examples/server.ts"],
        { env: { ...process.env, PORT: String(port) }, timeout: 20_000 },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} is in use`);
    expect(stderr).toContain(`PORT=${port + 1} npm start`);
    expect(stdout).not.toContain("example server on");
  }, 30_000);
});
