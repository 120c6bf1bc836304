// __tests__/core/public-url.test.ts — the URL a provider signed, and what a failure's hint says of it.

import { publicUrlSchema, signedUrlHint, urlResolver } from "../../lib/core/public-url.js";
import type { RawRequest } from "../../lib/index.js";

const request = (url: string, fullUrl?: () => string): RawRequest => ({
  method: "GET",
  url,
  headers: {},
  rawBody: Buffer.alloc(0),
  rawQuery: url.includes("?") ? url.slice(url.indexOf("?") + 1) : "",
  ...(fullUrl === undefined ? {} : { fullUrl }),
});

describe("urlResolver", () => {
  it("follows a publicUrl origin (trailing / ignored) with the original path and query", () => {
    const resolve = urlResolver("plivo", "https://hooks.example.com/prefix/");
    expect(resolve(request("/hooks/plivo/inbound?a=1"))).toBe(
      "https://hooks.example.com/prefix/hooks/plivo/inbound?a=1",
    );
  });

  it("takes a function's whole URL, and refuses one that returns no string", () => {
    expect(urlResolver("bird", () => "https://x.example/y")(request("/z"))).toBe(
      "https://x.example/y",
    );
    expect(() => urlResolver("bird", () => "")(request("/z"))).toThrow(
      /bird: the publicUrl function must return the whole URL/,
    );
  });

  it("uses the adapter's URL without publicUrl, and says what to set when there is none", () => {
    expect(urlResolver("twilio", undefined)(request("/a", () => "http://h/a"))).toBe("http://h/a");
    expect(() => urlResolver("twilio", undefined)(request("/a"))).toThrow(/twilio\(\{ publicUrl/);
  });
});

describe("publicUrlSchema", () => {
  it.each(["https://hooks.example.com", "http://localhost:3000/prefix"])("accepts %s", (url) => {
    expect(publicUrlSchema.safeParse(url).success).toBe(true);
  });
  it.each(["hooks.example.com", "ftp://x", "https://h/?q=1", "https://h/#f", ""])(
    "refuses %j",
    (url) => {
      expect(publicUrlSchema.safeParse(url).success).toBe(false);
    },
  );
});

describe("signedUrlHint", () => {
  it("names the URL checked but never its query, which holds a GET webhook's number and text", () => {
    const hint = signedUrlHint(
      "twilio",
      "https://h.example/hooks/twilio/inbound?From=%2B447700900089&Body=hi",
      false,
      " (with and without the port)",
    );
    expect(hint).toContain(
      "checked against https://h.example/hooks/twilio/inbound?… (query not shown) (with and without the port).",
    );
    expect(hint).not.toContain("447700900089");
    expect(hint).toContain('set twilio({ publicUrl: "https://your-public-host" })');
  });

  it("points at the publicUrl option when the URL came from it", () => {
    expect(signedUrlHint("plivo", "https://h/p", true)).toContain("fix plivo({ publicUrl })");
  });
});
