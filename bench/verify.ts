// bench/verify.ts — child-process entry: mitata timings of each verifier (see verify/cases.ts).
//
// Started by bench/run.ts (`--min-cpu-ms <n>`), after the HTTP load is over; sends VerifyRow[].

import { measure } from "mitata";
import { sendResult } from "./child.js";
import type { VerifyRow } from "./results.js";
import { verifyCases } from "./verify/cases.js";

const flag = process.argv.indexOf("--min-cpu-ms");
const minCpuMs = flag === -1 ? 1_000 : Number(process.argv[flag + 1]);

const rows: VerifyRow[] = [];
for (const verifyCase of await verifyCases()) {
  const stats = await measure(verifyCase.run, { min_cpu_time: minCpuMs * 1e6 });
  rows.push({
    name: verifyCase.name,
    what: verifyCase.what,
    role: verifyCase.role,
    bodyBytes: verifyCase.bodyBytes,
    nsPerOp: stats.avg,
    opsPerSec: 1e9 / stats.avg,
  });
}
await sendResult(rows);
process.disconnect();
