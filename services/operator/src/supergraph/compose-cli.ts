/** `pnpm compose`: writes each subgraph's SDL and the supergraph into schema/generated/. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { CompositionError, compose } from "./compose";
import { compositionFiles, generatedFolder } from "./files";

try {
  const files = compositionFiles(await compose());
  mkdirSync(generatedFolder, { recursive: true });
  // A partnership removed from the registry leaves no stale SDL behind.
  for (const name of readdirSync(generatedFolder)) {
    if (!files.has(`${generatedFolder}/${name}`)) rmSync(`${generatedFolder}/${name}`);
  }
  for (const [path, text] of files) writeFileSync(path, text);
  console.log(`Wrote ${files.size} files to ${generatedFolder}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
