// jest.config.js — the suite runs on Express 5; the HTTP-facing tests run again on Express 4.
const transform = {
  // uuid (under @vonage/jwt) is ES modules only; ts-jest makes it CommonJS.
  "^.+\\.(ts|js)$": [
    "ts-jest",
    // tsconfig.jest.json has isolatedModules: ts-jest only transpiles; `npm run typecheck` checks.
    { tsconfig: "tsconfig.jest.json" },
  ],
};
const moduleNameMapper = { "^(\\.{1,2}/.*)\\.js$": "$1" };
const common = {
  testEnvironment: "node",
  transform,
  transformIgnorePatterns: ["/node_modules/(?!uuid/)"],
  moduleNameMapper,
};

export default {
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
      testMatch: ["<rootDir>/__tests__/{express,providers}/**/*.test.ts"],
      moduleNameMapper: {
        ...moduleNameMapper,
        "^express$": "express4",
        "^express/(.*)$": "express4/$1",
      },
    },
  ],
};
