// scripts/check-readme.mjs — the README's TypeScript blocks are the files under examples/, and its
// links resolve: in the repository, and (for what ships) in the package.
//
// Each ```ts block is preceded by `<!-- snippet: examples/readme/name.ts -->` and equals that
// file without its opening comment (the path-and-purpose lines every file starts with), so
// `tsc -p examples/readme` compiles exactly what a reader copies. `--write` copies the files
// into the README instead of comparing (after editing a snippet file).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const readmePath = "README.md";
const snippetDir = "examples/readme";
const repoUrl = "https://github.com/sms-webhooks/sms-webhooks/blob/main/";
const write = process.argv.includes("--write");
const problems = [];

/** A snippet file as the README shows it: without its opening comment and the blank after it. */
function shown(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  let start = 0;
  while (start < lines.length && lines[start].startsWith("//")) start++;
  while (start < lines.length && lines[start].trim() === "") start++;
  return lines.slice(start).join("\n").replace(/\n+$/, "");
}

const block = /(<!-- snippet: (\S+) -->\n\n?)?```ts\n([\s\S]*?)\n```/g;
const readme = readFileSync(readmePath, "utf8");
const used = new Set();
const updated = readme.replace(block, (whole, marker, file, code, offset) => {
  const line = readme.slice(0, offset).split("\n").length;
  if (marker === undefined) {
    problems.push(`README.md:${line}: a ts block without <!-- snippet: ${snippetDir}/….ts -->`);
    return whole;
  }
  if (!existsSync(file)) {
    problems.push(`README.md:${line}: ${file} does not exist`);
    return whole;
  }
  used.add(normalize(file));
  const expected = shown(file);
  if (expected === code) return whole;
  if (write) return `${marker}\`\`\`ts\n${expected}\n\`\`\``;
  problems.push(`README.md:${line}: the block differs from ${file} (npm run readme:write)`);
  return whole;
});
for (const name of readdirSync(snippetDir)) {
  const file = normalize(join(snippetDir, name));
  if (name.endsWith(".ts") && !name.endsWith(".d.ts") && !used.has(file)) {
    problems.push(`${file} is in no README block`);
  }
}
if (write && updated !== readme) writeFileSync(readmePath, updated);

// Links: what a reader of the README (here, on npm or in node_modules) or of a shipped doc
// follows. Relative links must name a shipped file; repository links must name a file here.
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const shipped = (path) =>
  ["package.json", ...pkg.files].some((entry) => path === entry || path.startsWith(`${entry}/`));
const docs = ["README.md", ...mdFiles("docs/providers")];
for (const doc of docs) {
  const text = readFileSync(doc, "utf8");
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1].replace(/#.*$/, "");
    const line = text.slice(0, match.index).split("\n").length;
    if (target === "" || /^(mailto:|https?:\/\/(?!github\.com\/sms-webhooks\/))/.test(target)) {
      continue;
    }
    if (target.startsWith(repoUrl)) {
      const path = decodeURIComponent(target.slice(repoUrl.length));
      if (!existsSync(path)) problems.push(`${doc}:${line}: ${target} names no file here`);
      continue;
    }
    if (/^https?:/.test(target)) {
      problems.push(`${doc}:${line}: ${target}: link files as ${repoUrl}<path>`);
      continue;
    }
    const path = normalize(join(dirname(doc), target));
    if (!existsSync(path)) problems.push(`${doc}:${line}: ${target} does not exist`);
    else if (!shipped(path)) {
      problems.push(`${doc}:${line}: ${target} is not in the package: link ${repoUrl}${path}`);
    }
  }
}

function mdFiles(dir) {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".md"))
        .map((name) => join(dir, name))
    : [];
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`check-readme: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-readme: ${used.size} snippets match their files; every link resolves`);
