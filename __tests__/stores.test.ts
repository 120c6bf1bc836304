// __tests__/stores.test.ts — the suites under __tests__/stores/ and the chaos run, in one Jest
// file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
