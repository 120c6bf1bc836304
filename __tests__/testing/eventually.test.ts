// __tests__/testing/eventually.test.ts — how the store contracts wait out a lease or TTL.

import { eventually } from "../../lib/testing/eventually.js";

describe("eventually", () => {
  it("returns as soon as the probe answers true", async () => {
    let calls = 0;
    const started = performance.now();
    await eventually(5_000, () => Promise.resolve(++calls === 3), "never");
    expect(calls).toBe(3);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("asks once more at the deadline, then fails with the message", async () => {
    const asked: number[] = [];
    const started = performance.now();
    await expect(
      eventually(
        40,
        () => {
          asked.push(performance.now() - started);
          return Promise.resolve(false);
        },
        "the key was never freed",
      ),
    ).rejects.toThrow("the key was never freed");
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.at(-1)).toBeGreaterThanOrEqual(40);
  });

  it("accepts an answer that comes only at the deadline", async () => {
    const started = performance.now();
    await eventually(30, () => Promise.resolve(performance.now() - started >= 30), "late");
  });
});
