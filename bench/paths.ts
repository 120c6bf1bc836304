// bench/paths.ts — where the repository and the bench live, whatever the working directory.

import { fileURLToPath } from "node:url";

/** The repository root: children run from here so that `--import tsx` resolves. */
export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The absolute path of a file under bench/. */
export function benchFile(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

/**
 * The environment variable that points `bench/library.ts` at another package root (one with a
 * built `dist/esm`): `--compare=<dir>` starts the baseline's servers with it.
 */
export const libraryRootEnv = "BENCH_LIBRARY_ROOT";
