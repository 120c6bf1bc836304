// __tests__/core/json-decimal.test.ts — money keeps the digits the provider wrote.

import { plainDecimal, topLevelDecimal } from "../../lib/core/json-decimal.js";

describe("topLevelDecimal", () => {
  it.each([
    ['{"cost": 10.0, "currency": "USD"}', "10.0"],
    ['{"cost":0.1}', "0.1"],
    ['{"a":{"cost":1},"cost":2.50}', "2.50"],
    ['{"a":[{"cost":1}],"b":"\\"cost\\":9","cost":-3}', "-3"],
    ['{\n  "note": "cost, cost",\n  "cost" :\t1e-05\n}', "0.00001"],
    ['{"co\\u0073t": 7.0}', "7.0"],
    ['{"a":"ends in a backslash \\\\","cost":3.10}', "3.10"],
    ['{"a":"say \\"cost\\": 9","b":[1,{"c":"]"}],"cost":4.5}', "4.5"],
    ['{"cost":10.5,"currency":"USD","cost":2}', "2"],
  ])("reads the number %s wrote", (json, expected) => {
    expect(topLevelDecimal(json, "cost")).toBe(expected);
  });

  it.each([
    '{"cost":"10.0"}',
    '{"costs":1}',
    '{"a":{"cost":1}}',
    '[{"cost":1}]',
    '{"cost":null}',
    '{"cost":2,"cost":"2.0"}',
    '{"cost":0e999999999}',
  ])("finds no top-level number in %s", (json) => {
    expect(topLevelDecimal(json, "cost")).toBeUndefined();
  });
});

describe("plainDecimal", () => {
  it.each([
    ["1e-05", "0.00001"],
    ["1.5E-3", "0.0015"],
    ["-2.25e2", "-225"],
    ["1.5e1", "15"],
    ["12.345e1", "123.45"],
    ["10.0", "10.0"],
    ["1e100", `1${"0".repeat(100)}`],
  ])("writes %s as %s", (input, expected) => {
    expect(plainDecimal(input)).toBe(expected);
  });

  it.each(["0e999999999", "1e-999999999", "1e101", "5E-101"])(
    "refuses to write out %s (megabytes of zeros)",
    (input) => {
      expect(plainDecimal(input)).toBeUndefined();
    },
  );
});
