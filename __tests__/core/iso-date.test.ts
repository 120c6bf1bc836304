// __tests__/core/iso-date.test.ts — provider date-times become UTC instants, never local time.

import { parseIsoDate } from "../../lib/core/iso-date.js";

describe("parseIsoDate", () => {
  it.each([
    ["2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000Z"],
    ["2024-01-01T10:00:00z", "2024-01-01T10:00:00.000Z"],
    ["2024-01-01T10:00:00.123456+03:00", "2024-01-01T07:00:00.123Z"],
    ["2024-01-01T10:00:00.5-0130", "2024-01-01T11:30:00.500Z"],
    ["2024-01-01T10:00+02", "2024-01-01T08:00:00.000Z"],
    ["2020-01-01 12:00:00Z", "2020-01-01T12:00:00.000Z"],
    ["2024-02-29T23:59:59.9+00:00", "2024-02-29T23:59:59.900Z"],
    ["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
    ["2024-01-01T10:00:00-23:59", "2024-01-02T09:59:00.000Z"],
  ])("reads %s as %s", (input, utc) => {
    expect(parseIsoDate(input, "reject")?.toISOString()).toBe(utc);
  });

  it("reads a date-time without an offset as UTC when told to, never as local time", () => {
    expect(parseIsoDate("2020-01-01 12:00:00", "utc")?.toISOString()).toBe(
      "2020-01-01T12:00:00.000Z",
    );
    expect(parseIsoDate("2020-01-01T12:00:00.000001", "utc")?.toISOString()).toBe(
      "2020-01-01T12:00:00.000Z",
    );
    expect(parseIsoDate("2020-01-01 12:00:00", "reject")).toBeUndefined();
  });

  it("keeps the years 0 to 99 as written (Date.UTC would read them as 1900 to 1999)", () => {
    const expected = (iso: string) => new Date(iso).toISOString();
    expect(parseIsoDate("0024-01-01T00:00:00Z", "reject")?.toISOString()).toBe(
      expected("0024-01-01T00:00:00Z"),
    );
    expect(parseIsoDate("0000-02-29T12:30:00+01:00", "reject")?.toISOString()).toBe(
      expected("0000-02-29T12:30:00+01:00"),
    );
    expect(parseIsoDate("0099-12-31T23:59:59.999Z", "reject")?.getUTCFullYear()).toBe(99);
  });

  it.each([
    "",
    "2024-01-01T10:00:00+24:00",
    "2024-01-01T10:00:00+99:99",
    "2024-01-01T10:00:00+05:60",
    "2024-01-01T10:00:00-0960",
    "2024-01-01",
    "01/01/2024 10:00",
    "2024-02-30T10:00:00Z",
    "2023-02-29T10:00:00Z",
    "2024-01-01T25:00:00Z",
    "2024-01-01T10:60:00Z",
    "2024-01-01T10:00:00.Z",
    "2024-01-01T10:00:00+07:00x",
    "2024-01-01T10:00:00+7",
    "2024-01-01T10:00:00 UTC",
    "2024-1-01T10:00:00Z",
    "2024-01-01T10:00:",
    "2024-01-01T10:00:0",
    "1704103200",
  ])("refuses %p", (input) => {
    expect(parseIsoDate(input, "utc")).toBeUndefined();
  });
});
