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

// supertest listens and closes a server per request when handed an app; each app listens once
// instead, closed after the file's tests, and supertest is handed its URL.
const servers = new Map<Express, { server: http.Server; origin: Promise<string> }>();

afterAll(async () => {
  const closing = [...servers.values()].map(
    ({ server }) => new Promise((resolve) => server.close(resolve)),
  );
  servers.clear();
  await Promise.all(closing);
});

/** Where `app` listens, on a loopback port, until the test file ends. */
export function originOf(app: Express): Promise<string> {
  let listening = servers.get(app);
  if (listening === undefined) {
    const server = http.createServer(app);
    const origin = new Promise<string>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      });
    });
    listening = { server, origin };
    servers.set(app, listening);
  }
  return listening.origin;
}

export async function send(app: Express, req: TestRequest): Promise<request.Response> {
  const url = req.query === undefined ? req.path : `${req.path}?${req.query}`;
  const agent = request(await originOf(app));
  const pending = req.method === "GET" ? agent.get(url) : agent.post(url);
  pending.set(req.headers);
  return req.body === undefined ? pending : pending.send(req.body);
}

/** A response body must never carry a stack trace or a secret. */
export function assertNothingLeaks(text: string, secrets: readonly string[]) {
  // A real newline, or one escaped inside a JSON string.
  expect(text).not.toMatch(/(\n|\\n)\s+at /);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/**
 * A request whose bytes matter: supertest would add a Content-Type and send a string. Node adds
 * only `Host`, `Connection: close` and `Content-Length`.
 */
export interface ExactRequest {
  readonly exact: true;
  readonly method: "GET" | "POST";
  /** Path and query string, as sent. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** What came back: the status, the response's Content-Type and its body as text. */
export interface ExactResponse {
  status: number;
  contentType: string | undefined;
  text: string;
}

/** Sends `req` to `app` over a real socket and resolves with the answer. */
export async function sendExact(app: Express, req: ExactRequest): Promise<ExactResponse> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<ExactResponse>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: "127.0.0.1",
          port,
          path: req.path,
          method: req.method,
          headers: req.headers,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers["content-type"],
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end(req.body);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** POSTs `body` with exactly `headers` (supertest would add a Content-Type), over a real socket. */
export function postRaw(
  app: Express,
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<ExactResponse> {
  return sendExact(app, { exact: true, method: "POST", path, headers, body: Buffer.from(body) });
}
