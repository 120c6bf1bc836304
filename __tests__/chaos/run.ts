// __tests__/chaos/run.ts — `npm run chaos [-- --events N]`: the chaos simulation at full size.

import { parseArgs } from "node:util";
import { hasRedisServer, startRedisServer } from "../helpers/redis-server.js";
import { formatReport, runChaos } from "./simulation.js";

const { values } = parseArgs({ options: { events: { type: "string", default: "10000" } } });

async function main(): Promise<number> {
  if (!hasRedisServer) {
    console.error("redis-server is not installed: apt-get install -y redis-server");
    return 1;
  }
  const events = Number(values.events);
  const redis = await startRedisServer();
  try {
    console.log(
      `Chaos: ${events} events, 2 instances on one Redis, 30% duplicates, 10% handler failures\n`,
    );
    const report = await runChaos({ events, redisPort: redis.port });
    console.log(formatReport(report));
    const ok = report.processedOnce === events && report.lost === 0 && report.processedTwice === 0;
    console.log(ok ? "\n✓ every event was handled exactly once" : "\n✗ exactly-once violated");
    return ok ? 0 : 1;
  } finally {
    await redis.dispose();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
