/**
 * `pnpm schema:check`: composes every subgraph and compares the result with the committed
 * supergraph and with main's (see main-supergraph.ts), printing each change as breaking,
 * dangerous or safe; exits 1 on a composition error or an unacknowledged breaking change.
 */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import {
  CLIENT_CERT,
  CLIENT_KEY,
  readCommandLine,
  runCommand,
  TLS_CA,
  UsageError,
  useClientTls,
} from "@csg/service-runtime";
import { checkLiveSubgraph } from "./live-subgraph";
import { compose } from "../supergraph/compose";
import { compositionFiles, readSupergraph, supergraphFile } from "../supergraph/files";
import { readAcknowledgedChanges } from "./acknowledged-changes";
import { mainSupergraph } from "./main-supergraph";
import { checkSchema } from "./schema-check";

const repositoryRoot = fileURLToPath(new URL("../../../..", import.meta.url));

await runCommand("pnpm schema:check", async () => {
  const command = readCommandLine({
    summary:
      "Composes every subgraph and compares the result with the committed supergraph and main's; exits 1 on a composition error or an unacknowledged breaking change.",
    usage: [
      "pnpm schema:check",
      "pnpm schema:check --url <subgraph url> --subgraph <name> [--ca <file>] [--client-cert <file> --client-key <file>]",
    ],
    options: {
      url: {
        type: "string",
        value: "<url>",
        description:
          "Check a running subgraph's `_service { sdl }` against the committed supergraph instead (refusing any breaking change).",
      },
      subgraph: { type: "string", value: "<name>", description: "The subgraph at --url, e.g. charnwood." },
      ca: {
        type: "string",
        value: "<file>",
        env: TLS_CA,
        exported: true,
        description: "Trust the subgraph's certificate signed by this authority (PEM).",
      },
      "client-cert": {
        type: "string",
        value: "<file>",
        env: CLIENT_CERT,
        exported: true,
        description: "A client certificate for a subgraph that asks for one.",
      },
      "client-key": {
        type: "string",
        value: "<file>",
        env: CLIENT_KEY,
        exported: true,
        description: "Its private key.",
      },
    },
  });
  const url = command.string("url");
  if (url !== undefined) {
    const name = command.required("subgraph");
    if (!/^https?:\/\//.test(url)) throw new UsageError(`--url is an http:// or https:// address, not "${url}"`);
    useClientTls();
    const live = await checkLiveSubgraph(name, url);
    console.log(live.report);
    process.exit(live.passed ? 0 : 1);
  }
  if (command.string("subgraph") !== undefined) throw new UsageError("--subgraph goes with --url");
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
