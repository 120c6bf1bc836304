// __tests__/core/timestamp-window.test.ts — the replay window, both ways.

import { assertInWindow, parseUnixSeconds } from "../../lib/core/timestamp-window.js";

const now = new Date("2024-06-22T12:00:00Z");
const shifted = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("assertInWindow", () => {
  it.each([0, 300, -300])("accepts a time %i s from now with tolerance 300", (seconds) => {
    expect(() => assertInWindow(shifted(seconds), now, 300)).not.toThrow();
  });

  it("rejects a stale time, saying how old it is", () => {
    expect(() => assertInWindow(shifted(-301), now, 300)).toThrow("301 s old");
  });

  it("rejects a time in the future beyond the tolerance", () => {
    expect(() => assertInWindow(shifted(400), now, 300)).toThrow("in the future");
  });

  it("rejects an invalid date as missing", () => {
    expect(() => assertInWindow(new Date(Number.NaN), now, 300)).toThrow(
      expect.objectContaining({ code: "timestamp_missing" }),
    );
  });
});

describe("parseUnixSeconds", () => {
  it("reads unix seconds", () => {
    expect(parseUnixSeconds("1719046000")).toEqual(new Date(1719046000 * 1000));
  });

  it.each([undefined, "", "17190460.5", "-5", "1e9", " 1719046000", "1719046000000000"])(
    "refuses %p",
    (value) => {
      expect(parseUnixSeconds(value)).toBeUndefined();
    },
  );
});
