// __tests__/fuzz/fuzz.test.ts — a short fuzz run inside npm test: every provider, mutated signed
// requests through the real Express app, the same invariants as `npm run fuzz`.

import { runFuzz, targets, type FuzzReport } from "./fuzzer.js";
import { formatReport } from "./report.js";

// A fixed seed keeps CI deterministic; FUZZ_SEED / FUZZ_RUNS explore further.
const seed = Number(process.env["FUZZ_SEED"] ?? 20_250_101);
const runs = Number(process.env["FUZZ_RUNS"] ?? 300);

describe(`fuzz: ${runs} mutated requests per provider (seed ${seed})`, () => {
  let report: FuzzReport;

  beforeAll(async () => {
    report = await runFuzz({ runs, seed, shrink: 1 });
  }, 180_000);

  it.each(Object.keys(targets))(
    "%s: no forgery, no crash, no unexpected 5xx, every answer documented and in time",
    (name) => {
      const provider = report.providers.find((p) => p.provider === name)!;
      if (Object.keys(provider.violations).length > 0) {
        // The report names the seed, the cases and the requests as sent.
        throw new Error(formatReport({ ...report, providers: [provider], ok: false }));
      }
      expect(provider.runs).toBe(runs);
      expect(provider.crashes).toEqual([]);
    },
  );

  it("exercised what it claims: deliveries, duplicates and rejections of every kind", () => {
    for (const provider of report.providers) {
      expect(provider.delivered).toBeGreaterThan(runs * 0.05);
      expect(provider.duplicates).toBeGreaterThan(0);
      expect(provider.rejected["401 signature_invalid"]).toBeGreaterThan(runs * 0.1);
      expect(provider.rejected["401 timestamp_out_of_window"]).toBeGreaterThan(0);
      expect(provider.rejected["413 body_too_large"]).toBeGreaterThan(0);
      expect(provider.heapEndMb - provider.heapStartMb).toBeLessThan(200);
    }
    const vonage = report.providers.find((p) => p.provider === "vonage-sms")!;
    expect(vonage.parts).toBeGreaterThan(0);
  });
});
