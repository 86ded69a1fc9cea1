/**
 * The gateway as a process of its own: `node dist/gateway.mjs` (what the launcher of
 * `pnpm start` runs and supervises), or `tsx gateway/src/main.ts`. It serves the supergraph
 * over the subgraphs of the topology (the registry's ports shifted by --port-offset, or the
 * addresses CSG_SUBGRAPH_URL_<NAME> names). Limits, timeouts and address exposure are read
 * from the environment (CSG_LIMIT_*, CSG_SUBGRAPH_TIMEOUT_MS, CSG_SUBGRAPH_TIMEOUTS,
 * CSG_REQUEST_DEADLINE_MS, CSG_EXPOSE_INTERNAL_ADDRESSES), as in OPERATIONS.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  dataDirOption,
  hostOption,
  launcherSupervision,
  onShutdown,
  PORT_OFFSET,
  readCommandLine,
  runCommand,
  SUBGRAPHS_FILE,
  topology,
  UsageError,
  useClientTls,
} from "@csg/service-runtime";
import { CORS_ORIGINS, corsOriginsFrom } from "./cross-origin";
import { FRESHNESS_COMMAND_OPTIONS } from "./freshness/freshness-options";
import { localDatabases } from "./freshness/local-databases";
import { startGateway } from "./gateway";

// Listening before any message can arrive: the launcher sends its record once the gateway answers.
const supervision = launcherSupervision();
const committedSupergraph = fileURLToPath(new URL("../../schema/generated/supergraph.graphql", import.meta.url));

await runCommand("node dist/gateway.mjs", async () => {
  const command = readCommandLine({
    summary: "Runs the gateway: the supergraph over the county's, the national and every partnership's subgraph.",
    usage: [
      "node dist/gateway.mjs [--port <port>] [--port-offset <n>] [--host <address>] [--data-dir <dir>] [--supergraph <file>] [--subgraphs <file>] [--cors-origins <origins>]",
    ],
    options: {
      port: {
        type: "string",
        value: "<port>",
        env: "PORT",
        description: "The gateway's port (default 4000 plus the port offset).",
      },
      "port-offset": {
        type: "string",
        value: "<n>",
        env: PORT_OFFSET,
        description: "Where the subgraphs listen: the registry's ports shifted by <n>.",
      },
      host: hostOption,
      "data-dir": {
        ...dataDirOption,
        description:
          "The subgraphs' SQLite files on this machine, whose revisions the gateway then reads there (read-only), not over HTTP (none by default).",
      },
      subgraphs: {
        type: "string",
        value: "<file>",
        env: SUBGRAPHS_FILE,
        exported: true,
        description:
          "A JSON file mapping subgraph names to their URLs (https:// included); others at CSG_SUBGRAPH_URL_<NAME>, else this machine.",
      },
      supergraph: {
        type: "string",
        value: "<file>",
        description: "The supergraph to serve (default schema/generated/supergraph.graphql).",
      },
      "cors-origins": {
        type: "string",
        value: "<origins>",
        env: CORS_ORIGINS,
        description: "Comma-separated origins whose pages may call the gateway (none by default).",
      },
      // Read by the gateway from the environment (freshness-options.ts).
      ...FRESHNESS_COMMAND_OPTIONS,
    },
  });
  // Every subgraph request over TLS with CSG_TLS_CA, CSG_TLS_CLIENT_CERT/KEY (pnpm serve's --ca, --client-cert/--client-key).
  useClientTls();
  const layout = topology(command.integer("port-offset") ?? 0);
  const supergraph =
    command.string("supergraph") ?? process.env.CSG_GENERATED_DIR?.concat("/supergraph.graphql") ?? committedSupergraph;
  if (!existsSync(supergraph)) throw new UsageError(`--supergraph: no file ${supergraph}`);
  const dataDir = command.string("data-dir");
  const databases = dataDir ? localDatabases(layout, dataDir, supervision.running) : undefined;
  if (dataDir && databases && ![...databases.values()].some((d) => existsSync(d.file))) {
    throw new UsageError(`--data-dir ${dataDir} holds no system (none of its subgraphs' database files)`);
  }
  const gateway = await startGateway({
    port: command.integer("port") ?? layout.gatewayPort,
    supergraphSdl: readFileSync(supergraph, "utf8"),
    subgraphs: layout.all,
    corsOrigins: corsOriginsFrom(command.string("cors-origins")),
    supervision: supervision.processOf,
    localDatabases: databases,
  });
  console.log(`Gateway ready at ${gateway.url} (revisions ${databases ? `read from ${dataDir}` : "asked over HTTP"})`);
  onShutdown(() => gateway.stop());
});
