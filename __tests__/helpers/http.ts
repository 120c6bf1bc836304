// __tests__/helpers/http.ts — one signed request, sent through supertest.

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
