// bench/readme.ts — `--write`: replaces the results section of bench/README.md, Prettier-formatted.

import { readFile, writeFile } from "node:fs/promises";
import { format, resolveConfig } from "prettier";
import { benchFile } from "./paths.js";

const start = "<!-- results:start -->";
const end = "<!-- results:end -->";

/** Formats markdown as the repo's Prettier config would, so `prettier --check .` stays clean. */
export async function formatMarkdown(
  markdown: string,
  path = benchFile("README.md"),
): Promise<string> {
  const options = (await resolveConfig(path)) ?? {};
  return format(markdown, { ...options, parser: "markdown" });
}

export async function writeResults(section: string): Promise<string> {
  const path = benchFile("README.md");
  const readme = await readFile(path, "utf8");
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) throw new Error(`${path} has no ${start} … ${end} section`);
  const updated = `${readme.slice(0, from + start.length)}\n\n${section.trim()}\n\n${readme.slice(to)}`;
  await writeFile(path, await formatMarkdown(updated, path));
  return path;
}
