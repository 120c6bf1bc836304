// jest.config.js — the suite runs on Express 5; the Express adapter's tests run again on Express 4.
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

export default {
  // Jest's default on 2 cores is one worker; the suites mostly wait on sockets and child
  // processes, so two run the whole suite in ~37 s instead of ~66 s (3 or 4 are no faster).
  maxWorkers: 2,
  // Without redis-server the Redis suites are skipped, and this says so before anything runs.
  globalSetup: "<rootDir>/__tests__/helpers/jest-global-setup.ts",
  projects: [
    {
      ...common,
      displayName: "express5",
      testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
      globals: { expectedExpressMajor: 5 },
    },
    {
      ...common,
      displayName: "express4",
      globals: { expectedExpressMajor: 4 },
      // Only the adapter differs between Express majors: its tests, and one request per
      // provider end to end (express/providers-e2e); provider behaviour runs on Express 5.
      testMatch: ["<rootDir>/__tests__/express/**/*.test.ts"],
      moduleNameMapper: {
        ...moduleNameMapper,
        "^express$": "express4",
        "^express/(.*)$": "express4/$1",
      },
    },
  ],
};
