// __tests__/helpers/describe-with.ts — `describe` for suites that need a program on the machine
// (redis-server, Chromium): skipped loudly without it, or failing when CI says it must run.

/** A program a suite needs, and what to say when it is missing. */
export interface Requirement {
  /** The program's name, for the failing test's title (`"redis-server"`). */
  readonly program: string;
  /** Whether it is installed here. */
  readonly available: boolean;
  /** Whether the environment says the suite must run (CI's `SMS_WEBHOOKS_REQUIRE_…=1`). */
  readonly required: boolean;
  /** The loud warning a skipped suite prints. */
  readonly notice: string;
  /** How to install it, for the failure when it is required. */
  readonly install: string;
}

/**
 * `describe` when `requirement` is available. Without it the suite is skipped with its loud
 * notice — or, when it is required, fails saying how to install it.
 */
export function describeWith(requirement: Requirement, name: string, body: () => void): void {
  if (requirement.available) {
    describe(name, body);
    return;
  }
  if (!requirement.required) {
    console.warn(`${requirement.notice} (${name})`);
    describe.skip(name, body);
    return;
  }
  describe(name, () => {
    it(`needs ${requirement.program}`, () => {
      throw new Error(`${requirement.program} is not installed: ${requirement.install}`);
    });
  });
}
