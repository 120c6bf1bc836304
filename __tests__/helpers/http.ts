// __tests__/helpers/http.ts — one signed request, sent through supertest.

import http from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import type { Express } from "express";

export interface TestRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  query?: string;
}

export function send(app: Express, req: TestRequest) {
  const url = req.query === undefined ? req.path : `${req.path}?${req.query}`;
  const pending = req.method === "GET" ? request(app).get(url) : request(app).post(url);
  pending.set(req.headers);
  return req.body === undefined ? pending : pending.send(req.body);
}

/** A response body must never carry a stack trace or a secret. */
export function assertNothingLeaks(text: string, secrets: readonly string[]) {
  expect(text).not.toMatch(/\n\s+at /);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** POSTs `body` with exactly `headers` (supertest would add a Content-Type), over a real socket. */
export async function postRaw(
  app: Express,
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const outgoing = http.request(
        { host: "127.0.0.1", port, path, method: "POST", headers },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  } finally {
    server.close();
  }
}
