// __tests__/inspector.test.ts — the suites under __tests__/inspector/, in one Jest file: see jest.config.js.

import { runSuiteGroup } from "./helpers/suite-group.js";

runSuiteGroup(__filename);
