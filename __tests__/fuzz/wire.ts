// __tests__/fuzz/wire.ts — a request as the exact bytes the fuzzer sends, and sending it with
// node:http over a keep-alive socket (no client library re-encodes anything).

import { isUtf8 } from "node:buffer";
import http, { type IncomingHttpHeaders } from "node:http";

/** One request, exactly as it goes on the wire (Host and Content-Length are added when sent). */
export interface WireRequest {
  method: string;
  /** The path below the mount point, e.g. `/inbound`. */
  path: string;
  /** The raw query string, without `?`; empty for none. */
  query: string;
  /** Header lines in order; names keep their case, repeats stay repeated. */
  headers: [string, string][];
  body: Buffer;
  /** Send the body with `Transfer-Encoding: chunked` instead of `Content-Length`. */
  chunked: boolean;
}

/** What came back. `error` is set (and `status` 0) when no complete answer arrived. */
export interface WireResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  latencyMs: number;
  error: string | undefined;
}

/** The header's value (first of repeats), by case-insensitive name. */
export function headerOf(request: WireRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** Sets (replacing every line of that name) or, with `undefined`, removes a header. */
export function setHeader(request: WireRequest, name: string, value: string | undefined): void {
  const lower = name.toLowerCase();
  const at = request.headers.findIndex(([key]) => key.toLowerCase() === lower);
  const rest = request.headers.filter(([key]) => key.toLowerCase() !== lower);
  if (value === undefined) {
    request.headers = rest;
    return;
  }
  rest.splice(at === -1 ? rest.length : at, 0, [name, value]);
  request.headers = rest;
}

/** A copy that can be changed without touching the original. */
export function cloneRequest(request: WireRequest): WireRequest {
  return { ...request, headers: request.headers.map(([k, v]) => [k, v]) };
}

/** A keep-alive HTTP client for one server. */
export class WireClient {
  readonly #agent: http.Agent;
  readonly #port: number;
  readonly #timeoutMs: number;

  constructor(port: number, options: { sockets: number; timeoutMs: number }) {
    this.#port = port;
    this.#timeoutMs = options.timeoutMs;
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets });
  }

  /** Sends `request` under `prefix` (the lane's mount point). Never rejects. */
  send(prefix: string, request: WireRequest): Promise<WireResponse> {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const raw: string[] = ["Host", `127.0.0.1:${this.#port}`];
    for (const [name, value] of request.headers) raw.push(name, value);
    if (request.chunked) raw.push("Transfer-Encoding", "chunked");
    else if (request.body.length > 0 || request.method !== "GET") {
      raw.push("Content-Length", String(request.body.length));
    }
    const path = prefix + request.path + (request.query === "" ? "" : `?${request.query}`);
    return new Promise((resolve) => {
      let done = false;
      const finish = (response: Omit<WireResponse, "latencyMs">) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ ...response, latencyMs: elapsed() });
      };
      const failed = (error: string) =>
        finish({ status: 0, headers: {}, body: Buffer.alloc(0), error });
      let req: http.ClientRequest;
      try {
        req = http.request({
          host: "127.0.0.1",
          port: this.#port,
          method: request.method,
          path,
          agent: this.#agent,
          headers: raw,
        });
      } catch (error) {
        failed(`request not sent: ${String(error)}`);
        return;
      }
      const timer = setTimeout(() => {
        failed(`no answer within ${this.#timeoutMs} ms`);
        req.destroy();
      }, this.#timeoutMs);
      req.on("error", (error) =>
        failed(`${(error as NodeJS.ErrnoException).code ?? error.message}`),
      );
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => failed(error.message));
        res.on("end", () =>
          finish({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            error: undefined,
          }),
        );
      });
      if (request.chunked && request.body.length > 1) {
        // Two chunks, so chunked really means more than one piece.
        const middle = request.body.length >> 1;
        req.write(request.body.subarray(0, middle));
        req.end(request.body.subarray(middle));
      } else {
        req.end(request.body);
      }
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** The request as a few printable lines (body cut to `maxBody` characters). */
export function describeRequest(prefix: string, request: WireRequest, maxBody = 700): string {
  const lines = [
    cut(
      `${request.method} ${prefix}${request.path}${request.query === "" ? "" : `?${request.query}`}`,
      600,
    ),
  ];
  for (const [name, value] of request.headers) lines.push(`${name}: ${cut(value, 300)}`);
  if (request.chunked) lines.push("Transfer-Encoding: chunked");
  if (request.body.length > 0) {
    lines.push("");
    const utf8 = isUtf8(request.body);
    const text = request.body.toString(utf8 ? "utf8" : "latin1");
    lines.push(cut(JSON.stringify(text).slice(1, -1), maxBody));
    lines.push(`(${request.body.length} bytes, as ${utf8 ? "UTF-8" : "latin1"} with JSON escapes)`);
  }
  return lines.join("\n");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
