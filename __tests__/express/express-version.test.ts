// __tests__/express/express-version.test.ts — each Jest project really runs its Express major.

import { expressMajor } from "../helpers/app.js";

it("runs on the Express major its Jest project is named after", () => {
  const expected = (globalThis as { expectedExpressMajor?: number }).expectedExpressMajor;
  expect(expressMajor).toBe(expected);
});
