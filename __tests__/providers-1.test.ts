// __tests__/providers-1.test.ts — part 1 of 2 of the suites under __tests__/providers/, in one
// Jest file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
