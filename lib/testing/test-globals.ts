// lib/testing/test-globals.ts — the test runner's globals, as the contract suites use them.

/** describe/it/beforeAll/afterAll, as Jest, Vitest (globals), Mocha and node:test provide. */
export interface TestGlobals {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>, timeoutMs?: number) => void;
  beforeAll: (body: () => Promise<void>, timeoutMs?: number) => void;
  afterAll: (body: () => Promise<void>, timeoutMs?: number) => void;
}

/** The runner's globals; Mocha's before/after stand in for beforeAll/afterAll. */
export function testGlobals(): TestGlobals {
  const globals = globalThis as unknown as Partial<TestGlobals> & {
    before?: TestGlobals["beforeAll"];
    after?: TestGlobals["afterAll"];
  };
  const beforeAll = globals.beforeAll ?? globals.before;
  const afterAll = globals.afterAll ?? globals.after;
  if (!globals.describe || !globals.it || !beforeAll || !afterAll) {
    throw new Error(
      "sms-webhooks/testing: run the contract suites inside Jest, Vitest (globals) or Mocha",
    );
  }
  return { describe: globals.describe, it: globals.it, beforeAll, afterAll };
}
