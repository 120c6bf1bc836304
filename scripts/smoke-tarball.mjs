// scripts/smoke-tarball.mjs — what a user gets from npm: pack, install the tarball into fresh apps,
// compile, run. `npm run smoke` (and .ci/run) runs it; `--tarball x.tgz` skips the pack.
//
// 1. `npm pack` (its prepack builds); publint --strict and attw --pack on the tarball.
// 2. Installs the tarball alone (to weigh it), into an ESM TypeScript app on Express 5 and into a
//    CommonJS app on Express 4, in temp dirs, side by side.
// 3. Compiles the README's snippets against the installed package (strict,
//    exactOptionalPropertyTypes) under node16 and bundler resolution, and scripts/smoke/app.ts
//    for each app.
// 4. Runs each app: every provider mounted, signed traffic for every scenario of the installed
//    sms-webhooks/testing, answers checked (scripts/smoke/app.ts).
import { execFile as execFileCallback } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const execFile = promisify(execFileCallback);
const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const work = mkdtempSync(join(tmpdir(), "sms-webhooks-smoke-"));
const started = Date.now();
const keep = process.argv.includes("--keep");
const given = process.argv.indexOf("--tarball");

async function run(label, command, args, options = {}) {
  const t0 = Date.now();
  try {
    const { stdout } = await execFile(command, args, { maxBuffer: 64 << 20, ...options });
    console.log(`✓ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return stdout;
  } catch (error) {
    console.error(`✗ ${label}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    throw new Error(`${label} failed`, { cause: error });
  }
}

const npm = (label, cwd, ...args) =>
  run(label, "npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], { cwd });

function app(name, packageJson, tsconfigs) {
  const dir = join(work, name);
  mkdirSync(join(dir, "readme"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify(packageJson, null, 2));
  copyFileSync(join(root, "scripts/smoke/app.ts"), join(dir, "app.ts"));
  for (const [file, config] of Object.entries(tsconfigs)) {
    writeFileSync(join(dir, file), JSON.stringify(config, null, 2));
  }
  return dir;
}

const strict = {
  target: "ES2022",
  lib: ["ES2023"],
  types: ["node"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  skipLibCheck: true,
};
// The README's snippets, checked as an app compiles them; the snippets' shared context
// (globals.d.ts) and the example provider come along.
const readme = ["readme/*.ts"];

async function main() {
  let tarball;
  if (given !== -1) tarball = resolve(process.argv[given + 1]);
  else {
    const out = await run(
      "npm pack (prepack builds)",
      "npm",
      ["pack", "--pack-destination", work],
      {
        cwd: root,
      },
    );
    tarball = join(work, out.trim().split("\n").pop());
  }

  const esm = app(
    "esm-express5",
    { name: "smoke-esm", private: true, type: "module" },
    {
      // Declarations checked too (skipLibCheck: false), once: the package's .d.ts must hold
      // under exactOptionalPropertyTypes.
      "tsconfig.json": {
        compilerOptions: {
          ...strict,
          skipLibCheck: false,
          module: "node16",
          moduleDetection: "force",
          outDir: "out",
          rootDir: ".",
        },
        include: ["app.ts", ...readme],
      },
      "tsconfig.bundler.json": {
        compilerOptions: {
          ...strict,
          module: "preserve",
          moduleResolution: "bundler",
          moduleDetection: "force",
          noEmit: true,
        },
        include: ["app.ts", ...readme],
      },
    },
  );
  const cjs = app(
    "cjs-express4",
    { name: "smoke-cjs", private: true },
    {
      "tsconfig.json": {
        compilerOptions: { ...strict, module: "node16", moduleResolution: "node16", outDir: "out" },
        files: ["app.ts"],
      },
    },
  );
  for (const file of readdirSync(join(root, "examples/readme"))) {
    if (file.endsWith(".ts"))
      copyFileSync(join(root, "examples/readme", file), join(esm, "readme", file));
  }
  copyFileSync(
    join(root, "examples/custom-provider.ts"),
    join(esm, "readme", "custom-provider.ts"),
  );
  const alone = join(work, "alone");
  mkdirSync(alone);
  writeFileSync(join(alone, "package.json"), JSON.stringify({ name: "alone", private: true }));

  await Promise.all([
    run("publint --strict", bin("publint"), ["--strict", tarball]),
    run("attw --pack", bin("attw"), ["--pack", tarball, "--format", "table-flipped"]),
    npm(
      "ESM app: the tarball, express@5, @types",
      esm,
      "install",
      tarball,
      "express@5",
      "@types/express@5",
      "@types/node@20",
      // The README's metrics snippet sets up OpenTelemetry (an optional peer dependency).
      "@opentelemetry/api@1",
      "@opentelemetry/sdk-metrics@2",
      "supertest",
      "@types/supertest",
    ),
    npm(
      "CJS app: the tarball, express@4, @types",
      cjs,
      "install",
      tarball,
      "express@4",
      "@types/express@4",
      "@types/node@20",
      // The README's metrics snippet sets up OpenTelemetry (an optional peer dependency).
      "@opentelemetry/api@1",
      "@opentelemetry/sdk-metrics@2",
    ),
    npm("the tarball alone (peers left out)", alone, "install", "--legacy-peer-deps", tarball),
  ]);
  await weigh(alone);
  await run("CJS app: one copy of body-parser, Express 4's", "npm", ["ls", "body-parser"], {
    cwd: cjs,
  }).then((tree) => {
    const copies = new Set(tree.match(/body-parser@\S+/g));
    if (copies.size !== 1) throw new Error(`body-parser installed ${copies.size} times:\n${tree}`);
  });

  await Promise.all([
    run("ESM app + README snippets: compile (node16)", process.execPath, [tsc, "-p", "."], {
      cwd: esm,
    }),
    run("CJS app: compile (node16, CommonJS)", process.execPath, [tsc, "-p", "."], { cwd: cjs }),
  ]);
  await run(
    "ESM app + README snippets: compile (bundler)",
    process.execPath,
    [tsc, "-p", "tsconfig.bundler.json"],
    { cwd: esm },
  );
  const results = await Promise.all([
    run("ESM app on Express 5: every provider, every scenario", process.execPath, ["out/app.js"], {
      cwd: esm,
    }),
    run("CJS app on Express 4: every provider, every scenario", process.execPath, ["out/app.js"], {
      cwd: cjs,
    }),
  ]);
  for (const output of results) process.stdout.write(output.replace(/^/gm, "  "));
}

// What installing the package costs a user, peers aside: packages and megabytes on disk.
async function weigh(dir) {
  let packages = 0;
  const walk = (modules) => {
    for (const name of existsSync(modules) ? readdirSync(modules) : []) {
      if (name.startsWith(".")) continue;
      if (name.startsWith("@")) {
        for (const scoped of readdirSync(join(modules, name))) count(join(modules, name, scoped));
      } else count(join(modules, name));
    }
  };
  const count = (packageDir) => {
    packages++;
    walk(join(packageDir, "node_modules"));
  };
  walk(join(dir, "node_modules"));
  const { stdout } = await execFile("du", ["-sk", join(dir, "node_modules")]);
  const mb = (Number(stdout.split("\t")[0]) / 1024).toFixed(1);
  console.log(`  installed alone: ${packages} packages, ${mb} MB in node_modules`);
}

main()
  .then(() => console.log(`smoke passed in ${((Date.now() - started) / 1000).toFixed(0)} s`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
