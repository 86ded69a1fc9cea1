/** `pnpm compose`: writes each subgraph's SDL and the supergraph into schema/generated/. */
import { readCommandLine, runCommand } from "@csg/service-runtime";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { compose } from "./compose";
import { compositionFiles, generatedFolder } from "./files";

await runCommand("pnpm compose", async () => {
  readCommandLine({
    summary:
      "Builds every subgraph's schema from the code and composes the supergraph, into schema/generated/ (commit the result).",
    usage: ["pnpm compose"],
    options: {},
  });
  const files = compositionFiles(await compose());
  mkdirSync(generatedFolder, { recursive: true });
  // A partnership removed from the registry leaves no stale SDL behind.
  for (const name of readdirSync(generatedFolder)) {
    if (!files.has(`${generatedFolder}/${name}`)) rmSync(`${generatedFolder}/${name}`);
  }
  for (const [path, text] of files) writeFileSync(path, text);
  console.log(`Wrote ${files.size} files to ${generatedFolder}`);
});
