// __tests__/testing.test.ts — the suites under __tests__/testing/, in one Jest file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
