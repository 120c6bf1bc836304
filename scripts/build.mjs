// scripts/build.mjs — builds the ESM and CJS trees (each with its own .d.ts) from one source.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";

// The two compilations are independent: run them side by side (one per core).
const tsc = (project) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/typescript/bin/tsc", "-p", project], {
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`tsc -p ${project} exited with ${code}`)),
    );
  });

rmSync("dist", { recursive: true, force: true });
try {
  await Promise.all([tsc("tsconfig.build.json"), tsc("tsconfig.cjs.json")]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Each tree says which module system it is, whatever the root package.json says.
mkdirSync("dist/esm", { recursive: true });
writeFileSync("dist/esm/package.json", JSON.stringify({ type: "module" }) + "\n");
writeFileSync("dist/cjs/package.json", JSON.stringify({ type: "commonjs" }) + "\n");
// The bin runs the CJS tree; nothing imports the CLI from the ESM one, so it is not shipped.
for (const file of ["cli", "cli-main"]) {
  for (const ext of [".js", ".d.ts"]) rmSync(`dist/esm/testing/${file}${ext}`, { force: true });
}
chmodSync("dist/cjs/testing/cli.js", 0o755);
