// bench/library.ts — the library as it ships (dist/esm), for everything the bench measures.
//
// Run from its TypeScript sources through tsx, every function the library creates per request
// is wrapped in esbuild's naming helper: a cost no installed copy pays. `npm run bench` builds
// first; the types still come from the sources, which the build is made from. With
// BENCH_LIBRARY_ROOT set (`--compare=<dir>` sets it for the baseline's servers), the build under
// that package root is loaded instead: another commit's, built in its own worktree.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Library from "../lib/index.js";
import { libraryRootEnv, repoRoot } from "./paths.js";

const entry = join(process.env[libraryRootEnv] || repoRoot, "dist", "esm", "index.js");
if (!existsSync(entry)) {
  throw new Error(`${entry} is missing: run \`npm run build\` (npm run bench does) first`);
}

const library = (await import(pathToFileURL(entry).href)) as typeof Library;

export const {
  androidSmsGateway,
  mifumo,
  vonageSms,
  vonageMessages,
  twilio,
  sinch,
  telnyx,
  bird,
  messageBird,
  plivo,
  MemoryStore,
  RedisStore,
  createPipeline,
  smsWebhook,
  silentLogger,
} = library;
