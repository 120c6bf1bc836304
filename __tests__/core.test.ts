// __tests__/core.test.ts — the suites under __tests__/core/, examples/ and testing/, in one Jest
// file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
