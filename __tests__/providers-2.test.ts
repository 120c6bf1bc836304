// __tests__/providers-2.test.ts — part 2 of 2 of the suites under __tests__/providers/, and the
// fuzz run, in one Jest file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
