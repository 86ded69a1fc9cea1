/**
 * `pnpm schema:check`: composes every subgraph and compares the result with the committed
 * supergraph and with main's (see main-supergraph.ts), printing each change as breaking,
 * dangerous or safe; exits 1 on a composition error or an unacknowledged breaking change.
 */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { readCommandLine, runCommand } from "@csg/service-runtime";
import { compose } from "../supergraph/compose";
import { compositionFiles, readSupergraph, supergraphFile } from "../supergraph/files";
import { readAcknowledgedChanges } from "./acknowledged-changes";
import { mainSupergraph } from "./main-supergraph";
import { checkSchema } from "./schema-check";

const repositoryRoot = fileURLToPath(new URL("../../../..", import.meta.url));

await runCommand("pnpm schema:check", async () => {
  readCommandLine({
    summary: "Composes every subgraph and compares the result with the committed supergraph and main's; exits 1 on a composition error or an unacknowledged breaking change.",
    usage: ["pnpm schema:check"],
    options: {},
  });
  const acknowledged = readAcknowledgedChanges();
  const composition = await compose();
  const committed = readSupergraph();
  const result = await checkSchema({
    composed: composition.supergraphSdl,
    committed,
    committedIsStale: compositionFiles(composition).get(supergraphFile) !== committed,
    main: mainSupergraph(repositoryRoot, relative(repositoryRoot, supergraphFile)),
    acknowledged,
  });
  console.log(result.report);
  process.exit(result.passed ? 0 : 1);
});
