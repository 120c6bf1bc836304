// __tests__/core/flat-params.test.ts — query strings and form bodies read strictly, repeated keys or not.

import { parseFlatParams, parseMultiParams } from "../../lib/index.js";

describe("parseFlatParams", () => {
  it("refuses a repeated key with 400 payload_invalid", () => {
    expect(() => parseFlatParams("a=1&a=2")).toThrow(
      expect.objectContaining({ code: "payload_invalid" }),
    );
  });
});

describe("parseMultiParams", () => {
  it("keeps every value of a repeated key, in the order sent", () => {
    const params = parseMultiParams("b=2&a=x&b=1&b=2&c=");
    expect({ ...params }).toEqual({ b: ["2", "1", "2"], a: ["x"], c: [""] });
  });

  it("decodes + and percent escapes as form encoding does", () => {
    expect(parseMultiParams("Body=H%C3%A9llo+%E2%9C%93+%26+%3D")["Body"]).toEqual(["Héllo ✓ & ="]);
  });

  it("gives a null-prototype record, so __proto__ and constructor are plain keys", () => {
    const params = parseMultiParams("__proto__=1&constructor=2");
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(params["__proto__"]).toEqual(["1"]);
    expect(params["constructor"]).toEqual(["2"]);
  });

  it("refuses a key outside the pattern with 400 payload_invalid", () => {
    expect(() => parseMultiParams("a[b]=1")).toThrow(
      expect.objectContaining({ code: "payload_invalid" }),
    );
    const strict = { keyPattern: /^[A-Z][A-Za-z0-9]*$/ };
    expect(() => parseMultiParams("From=1&body=2", strict)).toThrow(/"body"/);
    expect(parseMultiParams("MediaUrl0=u&From=1", strict)["MediaUrl0"]).toEqual(["u"]);
  });
});
