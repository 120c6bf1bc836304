// __tests__/express.test.ts — the suites under __tests__/express/, in one Jest file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
