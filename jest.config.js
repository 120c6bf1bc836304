// jest.config.js — the suite runs on Express 5; the Express adapter's tests run again on Express 4.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { sep } from "node:path";
import { URL, fileURLToPath } from "node:url";

const transform = {
  // uuid (under @vonage/jwt) is ES modules only; swc makes it CommonJS. Types are checked by
  // `npm run typecheck`, not here.
  "^.+\\.(ts|js)$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript" },
        target: "es2022",
        experimental: { keepImportAttributes: true },
      },
      module: { type: "commonjs" },
    },
  ],
};
const moduleNameMapper = {
  "^(\\.{1,2}/.*)\\.js$": "$1",
  // The examples import the package by name, as a user's code does.
  "^sms-webhooks$": "<rootDir>/lib/index.ts",
  "^sms-webhooks/testing$": "<rootDir>/lib/testing/index.ts",
};
const common = {
  testEnvironment: "node",
  transform,
  transformIgnorePatterns: ["/node_modules/(?!uuid/)"],
  moduleNameMapper,
};

// Jest gives every test file a fresh module registry, so each file loads Express, zod, jose and
// supertest again: about 0.4 s of CPU a file, a third of the suite once. So `npm test` runs the
// suites of several folders inside one Jest file, an entry (below); helpers/suite-group.ts reads
// the lists made here. A suite that mocks modules, resets the registry or focuses a test (`.only`,
// which would skip the rest of its group) keeps a file of its own, as does every suite of a folder
// no entry names. When the command line picks tests by path, every suite is a file of its own.
const testsDir = new URL("./__tests__/", import.meta.url);
const needsOwnFile =
  /\bjest\.(mock|doMock|unmock|unstable_mockModule|resetModules|isolateModules)\b|\.only\(|\bf(it|describe)\(/;

// Entry file (__tests__/<entry>, which calls runSuiteGroup) → the folders of __tests__ whose suites
// it runs. Fewer files cost less loading; these pairings keep the two workers about equally busy
// (fuzz and chaos are small in bytes but take seconds). A folder named by several entries is
// shared out among them by size. The Express adapter's entry holds that folder alone: the
// Express 4 project runs it again.
const entryFolders = {
  "core.test.ts": ["core", "examples", "testing"],
  "express.test.ts": ["express"],
  "inspector.test.ts": ["inspector"],
  "providers-1.test.ts": ["providers"],
  "providers-2.test.ts": ["providers", "fuzz"],
  "stores.test.ts": ["stores", "chaos"],
};
const entries = Object.keys(entryFolders);
// An entry without its file would take its suites out of the run, and a misspelt folder would
// quietly run as separate files.
for (const [entry, folders] of Object.entries(entryFolders)) {
  if (!existsSync(new URL(entry, testsDir))) {
    throw new Error(`jest.config.js: __tests__/${entry} is missing; it runs ${folders}`);
  }
  for (const folder of folders) {
    if (!existsSync(new URL(`${folder}/`, testsDir))) {
      throw new Error(`jest.config.js: ${entry} names __tests__/${folder}/, which does not exist`);
    }
  }
}
const expressEntries = entries.filter((entry) => entryFolders[entry].includes("express"));
if (expressEntries.some((entry) => entryFolders[entry].length > 1)) {
  throw new Error("jest.config.js: the express folder's entries must hold no other folder");
}

// The suites: every *.test.ts in a folder of __tests__ (the entries sit at its top), as a path
// relative to it with `/`.
const suiteFiles = readdirSync(testsDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts"))
  .map((file) => file.split(sep).join("/"))
  .filter((file) => file.includes("/"));

/** The suites that may share a module registry, with their sizes, largest first. */
function groupableSuites() {
  return suiteFiles
    .map((suite) => ({ suite, bytes: readFileSync(new URL(suite, testsDir), "utf8") }))
    .filter(({ bytes }) => !needsOwnFile.test(bytes))
    .map(({ suite, bytes }) => ({ suite, size: bytes.length }))
    .sort((a, b) => b.size - a.size || a.suite.localeCompare(b.suite));
}

// Suites run as separate files whenever the command line picks tests by path: a path or pattern
// that matches a suite (`npx jest __tests__/providers/twilio`, `npx jest recut`, an IDE's absolute
// path), `--testPathPatterns`, or a flag that follows changed files (`--watch`, `-o`,
// `--findRelatedTests`, ...), which Jest cannot trace through an entry's require. A path that
// matches only entries (`npx jest __tests__/core.test.ts`) runs their groups, and a flag's value
// that names no test (`--selectProjects express5`) leaves the groups on. Erring the other way only
// costs time: separate files run the same tests.
const testPaths = suiteFiles.map((file) => fileURLToPath(new URL(file, testsDir)));
const namesATest = (arg) =>
  [arg, arg.replaceAll("\\", "/")].some((pattern) => {
    try {
      const matcher = new RegExp(pattern, "i"); // as Jest reads a path pattern
      return testPaths.some(
        (path) => matcher.test(path) || matcher.test(path.split(sep).join("/")),
      );
    } catch {
      return false;
    }
  });
const byPath =
  /^(--(watch|watchAll|onlyChanged|changedSince|lastCommit|findRelatedTests|runTestsByPath|testPathPatterns?)\b|-o$)/;
const separate = process.argv
  .slice(2)
  .some((arg) => byPath.test(arg) || (!arg.startsWith("-") && namesATest(arg)));

/** Entry file → the suites it runs (paths relative to __tests__). */
const groups = {};
if (!separate) {
  const parts = entries.map((entry) => ({ entry, size: 0, suites: [] }));
  // Each suite to the entry naming its folder with the fewest bytes so far: the same split on
  // every machine.
  for (const { suite, size } of groupableSuites()) {
    const folder = suite.slice(0, suite.indexOf("/"));
    const candidates = parts.filter((part) => entryFolders[part.entry].includes(folder));
    if (candidates.length === 0) continue;
    const smallest = candidates.reduce((min, part) => (part.size < min.size ? part : min));
    smallest.size += size;
    smallest.suites.push(suite);
  }
  // An entry left with nothing to run (every suite needs its own file) is not run at all.
  for (const part of parts) if (part.suites.length > 0) groups[part.entry] = part.suites.sort();
}

// Every *.test.ts under `root` but the grouped suites (run by their entries) or, when suites run
// as separate files, but the entries.
const notRunAlone = separate
  ? entries
  : [...Object.values(groups).flat(), ...entries.filter((entry) => groups[entry] === undefined)];
const suites = (root) => [
  `<rootDir>/__tests__/${root}**/*.test.ts`,
  ...notRunAlone.map((file) => `!**/__tests__/${file}`),
];

export default {
  // As many workers as cores (Jest's default is one fewer): the suites also wait on Redis,
  // Chromium and child processes. One more is not reliably faster: on 2 cores, two paired runs of
  // 3 workers against 2 gave 0.92× and 1.04× the time, and 1.13× the CPU in the second.
  maxWorkers: availableParallelism(),
  // Without redis-server the Redis suites are skipped, and this says so before anything runs.
  globalSetup: "<rootDir>/__tests__/helpers/jest-global-setup.ts",
  projects: [
    {
      ...common,
      displayName: "express5",
      testMatch: suites(""),
      globals: { expectedExpressMajor: 5, suiteGroups: groups },
    },
    {
      ...common,
      displayName: "express4",
      globals: { expectedExpressMajor: 4, suiteGroups: groups },
      // Only the adapter differs between Express majors: its tests, and one request per
      // provider end to end (express/providers-e2e); provider behaviour runs on Express 5.
      testMatch: [
        ...suites("express/"),
        ...expressEntries
          .filter((entry) => groups[entry] !== undefined)
          .map((entry) => `<rootDir>/__tests__/${entry}`),
      ],
      moduleNameMapper: {
        ...moduleNameMapper,
        "^express$": "express4",
        "^express/(.*)$": "express4/$1",
      },
    },
  ],
};
