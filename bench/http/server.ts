// bench/http/server.ts — child-process entry: runs one bench server and reports its CPU over IPC.
//
// Started by the bench as `node --import tsx bench/http/server.ts <name>`; answers `ready` with
// its port, `cpu` with the CPU time used since the last `cpu-reset`, and exits on `stop`.

import type { AddressInfo } from "node:net";
import { isServerName, type FromServer, type ToServer } from "./protocol.js";
import { buildServer } from "./servers/index.js";

const name = process.argv[2];
if (process.send === undefined) throw new Error("bench/http/server.ts must be started with IPC");
if (!isServerName(name)) throw new Error(`unknown bench server ${String(name)}`);

function send(message: FromServer): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

// The bench may die without saying stop; never outlive it.
process.on("disconnect", () => process.exit(0));

const built = await buildServer(name);
if ("skip" in built) {
  await send({ type: "skip", reason: built.skip });
  process.exit(0);
}

const server = built.app.listen(0, "127.0.0.1");
await new Promise<void>((resolve, reject) => {
  server.once("listening", resolve);
  server.once("error", reject);
});

let baseline = process.cpuUsage();

process.on("message", (message: ToServer) => {
  switch (message.type) {
    case "cpu-reset":
      baseline = process.cpuUsage();
      void send({ type: "cpu", micros: 0 });
      return;
    case "cpu-read": {
      const { user, system } = process.cpuUsage(baseline);
      void send({ type: "cpu", micros: user + system });
      return;
    }
    case "stop":
      server.closeAllConnections();
      server.close();
      void built.close().finally(() => process.exit(0));
  }
});

await send({ type: "ready", port: (server.address() as AddressInfo).port });
