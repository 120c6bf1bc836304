// __tests__/examples.test.ts — the suites under __tests__/examples/, in one Jest file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
