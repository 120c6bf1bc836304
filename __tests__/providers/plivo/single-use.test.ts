// __tests__/providers/plivo/single-use.test.ts — plivoSingleUse: what one verified signature is bound to.

import { plivo } from "../../../lib/index.js";
import type { PlivoSigned } from "../../../lib/providers/plivo/index.js";
import { plivoSingleUse } from "../../../lib/providers/plivo/single-use.js";
import type { RawRequest } from "../../../lib/index.js";
import { plivoForm, plivoV2Signature, plivoV3Signature } from "../../helpers/plivo-signer.js";
import { p1, token } from "./fixtures.js";

const origin = "https://hooks.example.com";
const provider = plivo({ secret: token, publicUrl: origin });
const nonce = "12345678901234567890";

function raw(
  path: string,
  headers: Record<string, string>,
  body = "",
  method = "POST",
  query = "",
): RawRequest {
  return {
    method,
    url: query === "" ? path : `${path}?${query}`,
    rawQuery: query,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    rawBody: Buffer.from(body),
  };
}

/** Parses and verifies `req` as the pipeline would, then asks for its single-use binding. */
function bindingOf(req: RawRequest) {
  const signed: PlivoSigned = provider.parse!(req);
  expect(provider.verify(req, signed)).toBeUndefined();
  return plivoSingleUse(signed, req);
}

const v2Headers = (path: string, withNonce = nonce, main = false) => ({
  [`x-plivo-signature-${main ? "ma-" : ""}v2`]: plivoV2Signature(token, origin + path, withNonce),
  "x-plivo-signature-v2-nonce": withNonce,
});

describe("plivoSingleUse", () => {
  const body = plivoForm(p1.params);

  it("binds a V2 signature's key to the request's bytes: another body, same key, other fingerprint", () => {
    const genuine = bindingOf(raw("/inbound", v2Headers("/inbound"), body));
    const again = bindingOf(raw("/inbound", v2Headers("/inbound"), body));
    const forged = bindingOf(
      raw("/inbound", v2Headers("/inbound"), plivoForm({ ...p1.params, Text: "x" })),
    );
    expect(genuine).toEqual(again);
    expect(genuine?.key).toMatch(/^v2:[0-9a-f]{64}$/);
    expect(forged?.key).toBe(genuine?.key);
    expect(forged?.fingerprint).not.toBe(genuine?.fingerprint);
  });

  it("counts the query, which V2 does not sign, in the fingerprint", () => {
    const headers = v2Headers("/status");
    const first = bindingOf(raw("/status", headers, "", "GET", "Status=sent"));
    const second = bindingOf(raw("/status", headers, "", "GET", "Status=failed"));
    expect(second?.key).toBe(first?.key);
    expect(second?.fingerprint).not.toBe(first?.fingerprint);
  });

  it("keys the signed string, so moving characters between the path and a V2 nonce gains nothing", () => {
    // ".../inbound" + "12345…" and ".../inbound1" + "2345…" are one signed string.
    const plain = bindingOf(raw("/hooks/plivo/t", v2Headers("/hooks/plivo/t"), body));
    const shifted = bindingOf(
      raw("/hooks/plivo/t1", v2Headers("/hooks/plivo/t1", nonce.slice(1)), body),
    );
    expect(shifted?.key).toBe(plain?.key);
  });

  it("gives the -Ma- header's signature the same key as the subaccount's", () => {
    const sub = bindingOf(raw("/inbound", v2Headers("/inbound"), body));
    const main = bindingOf(raw("/inbound", v2Headers("/inbound", nonce, true), body));
    expect(main).toEqual(sub);
  });

  it("gives another nonce another key", () => {
    const first = bindingOf(raw("/inbound", v2Headers("/inbound"), body));
    const second = bindingOf(raw("/inbound", v2Headers("/inbound", "98765432109876543210"), body));
    expect(second?.key).not.toBe(first?.key);
  });

  it("binds a V3 signature too: a re-cut body signs the same but fingerprints differently", () => {
    const params = { ...p1.params, Text: "Hello There" };
    const signature = plivoV3Signature(token, "POST", `${origin}/inbound`, nonce, params);
    const headers = { "x-plivo-signature-v3": signature, "x-plivo-signature-v3-nonce": nonce };
    const genuine = bindingOf(raw("/inbound", headers, plivoForm(params)));
    const { Text: _text, ...rest } = params;
    const recut = plivoForm({ ...rest, Text: "Hello ", There: "" });
    const moved = bindingOf(raw("/inbound", headers, recut));
    expect(genuine?.key).toMatch(/^v3:[0-9a-f]{64}$/);
    expect(moved?.key).toBe(genuine?.key);
    expect(moved?.fingerprint).not.toBe(genuine?.fingerprint);
  });

  it("has nothing to bind for a request without a nonce (unsigned, let through in report mode)", () => {
    const req = raw("/inbound", {}, body);
    expect(plivoSingleUse(provider.parse!(req), req)).toBeUndefined();
  });
});
