/**
 * What the documentation shows: its GraphQL examples and the commands it tells a reader to
 * run, read from the Markdown files as a reader sees them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "./commands";

/** Every document a newcomer is pointed to: the README and the references it links. */
export const DOCUMENTS = ["README.md", "schema/API.md", "services/PUBLISHING.md", "services/operator/OPERATIONS.md"];

export interface Example {
  document: string;
  line: number;
  text: string;
}

/** The fenced blocks of one language in a document, with the line each starts on. */
export function fencedBlocks(document: string, language: string): Example[] {
  const lines = readFileSync(join(repositoryRoot, document), "utf8").split("\n");
  const blocks: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```" + language) continue;
    const start = i + 1;
    while (++i < lines.length && lines[i].trim() !== "```");
    blocks.push({ document, line: start + 1, text: lines.slice(start, i).join("\n") });
  }
  return blocks;
}

/**
 * The commands of a document's `sh` blocks: continued lines joined, comments dropped, `a && b`
 * split in two. Only this project's commands (`npx ...`); other tools' commands are theirs.
 */
export function documentedCommands(document: string): Example[] {
  return fencedBlocks(document, "sh").flatMap((block) =>
    block.text
      .replace(/\\\n\s*/g, "")
      .split("\n")
      .map((line) => line.replace(/\s{2,}#.*$/, "").trim())
      .flatMap((line) => line.split(" && "))
      .filter((command) => command.startsWith("npx "))
      .map((text) => ({ document, line: block.line, text })),
  );
}

/** The script a `npx -y pnpm@10 <script> ...` command runs, if it is one. */
export const pnpmScript = (command: string) => /^npx -y pnpm@10 (\S+)/.exec(command)?.[1];
