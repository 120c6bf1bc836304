// __tests__/chaos/chaos.test.ts — a small chaos run inside npm test: exactly once, nothing lost.

import { describeWithRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { formatReport, runChaos } from "./simulation.js";

describeWithRedis(
  "chaos: two instances, one Redis, duplicates, retries and failing handlers",
  () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis.dispose();
    });

    it("handles each of 400 events exactly once", async () => {
      const report = await runChaos({ events: 400, redisPort: redis.port, deadlineMs: 60_000 });
      const summary = formatReport(report);
      expect({
        once: report.processedOnce,
        lost: report.lost,
        twice: report.processedTwice,
      }).toEqual({
        once: 400,
        lost: 0,
        twice: 0,
      });
      expect(report.timedOut).toBe(false);
      // The run must have exercised what it claims to: failures, retries and duplicates.
      expect(report.handlerFailures).toBeGreaterThan(0);
      expect(report.answers["500"]).toBeGreaterThan(0);
      expect(report.requests).toBeGreaterThan(400 * 1.3);
      expect(summary).toContain("processed exactly once:  400");
    }, 90_000);
  },
);
