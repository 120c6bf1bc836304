// __tests__/helpers/suite-group.ts — runs a group of suites inside one Jest test file.
//
// jest.config.js decides the groups (one per entry file it lists with its folders; each entry
// calls this) and says why; it hands them over as the `suiteGroups` global.

import path from "node:path";
// Its servers close when the Jest file ends: imported here, its afterAll is the file's rather
// than the first suite's (each suite below runs inside a describe of its own).
import "./http.js";

/** Where the suites live: __tests__/. */
const testsRoot = path.join(__dirname, "..");

/**
 * Registers every suite jest.config.js gave the entry file `entry` (its path), each inside a
 * `describe` named by the suite's path, so that a suite's own hooks stay its own.
 */
export function runSuiteGroup(entry: string): void {
  const name = path.basename(entry);
  const groups = (globalThis as { suiteGroups?: Record<string, readonly string[]> }).suiteGroups;
  const suites = groups?.[name];
  if (suites === undefined) {
    throw new Error(
      `${name} runs the suites jest.config.js groups for it, and it has none: ` +
        "list it with its folders in jest.config.js's entryFolders, or run the suites " +
        "themselves (npx jest __tests__/<folder>)",
    );
  }
  for (const suite of suites) {
    describe(suite, () => {
      // Jest's own require, so the suite shares this file's module registry.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(testsRoot, suite));
    });
  }
}
