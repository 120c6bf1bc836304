// examples/readme/globals.d.ts — what the README's snippets take from the app around them.
//
// A snippet that shows one call (a route, an option) uses the app, store, handler and secrets
// of the Quickstart without declaring them again; they are declared here, once, so each file
// is exactly its README block. Every file here is a module (moduleDetection: force), so a
// snippet's own `const store` shadows this one.

import type expressModule from "express";
import type { Express, Request, RequestHandler } from "express";
import type * as lib from "sms-webhooks";

declare global {
  const express: typeof expressModule;
  const app: Express;
  const store: lib.DedupeStore;
  const handler: RequestHandler;
  const secret: string;
  const authToken: string;
  const key: string;

  const smsWebhook: typeof lib.smsWebhook;
  const androidSmsGateway: typeof lib.androidSmsGateway;
  const twilio: typeof lib.twilio;
  const vonageSms: typeof lib.vonageSms;
  const vonageMessages: typeof lib.vonageMessages;
  const mifumo: typeof lib.mifumo;
  const sinch: typeof lib.sinch;
  const telnyx: typeof lib.telnyx;
  const plivo: typeof lib.plivo;
  const bird: typeof lib.bird;
  const messageBird: typeof lib.messageBird;

  /** Your own code, called from the Quickstart's handler. */
  function saveInbound(from: string, text: string, at: Date): Promise<void>;
  function updateStatus(
    messageId: string,
    status: lib.MessageStatus,
    final: boolean,
  ): Promise<void>;
  /** Your multi-tenant host lookup (Twilio's `publicUrl` as a function). */
  function tenantHost(req: lib.RawRequest): string;

  /** Your own admin check (a session, a header your authenticating proxy sets). */
  function isAdmin(req: Request): boolean;

  /** A store of your own, checked against the contract. */
  const MyStore: new () => lib.DedupeStore;

  /** Redis clients: ioredis, node-redis, and a node-redis cluster (createCluster). */
  const ioredis: { call(command: string, ...args: string[]): Promise<unknown> };
  const nodeRedis: { sendCommand(args: string[]): Promise<unknown> };
  const cluster: {
    sendCommand(key: string, isReadOnly: boolean, command: string[]): Promise<unknown>;
  };

  /** The README's example provider (examples/custom-provider.ts) and its test's helpers. */
  const acmeSms: (options: {
    secret: lib.SecretInput;
  }) => lib.Provider<Record<string, unknown>, undefined>;
  function acmeRequest(body: string, secret: string, signedAt?: Date): lib.RawRequest;
  function inboundBody(): string;
}
