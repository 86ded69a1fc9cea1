/**
 * `pnpm serve <county|national|gateway|<partnership code>>`: one service on its own, as a
 * district (or the county) runs it on its own server. The same programs as `pnpm start`
 * (from the same bundles), run in this process: the options become the program's own
 * command line and the environment it reads (address, certificates, subgraph addresses).
 */
import { COUNTY_SUBGRAPH, NATIONAL_SUBGRAPH, partnerships } from "@csg/schema";
import {
  clientTls,
  serverTls,
  CLIENT_CA,
  CLIENT_CERT,
  CLIENT_KEY,
  GATEWAY_PROCESS,
  LISTEN_HOST,
  readCommandLine,
  resolveDataFolder,
  runCommand,
  SUBGRAPHS_FILE,
  TLS_CA,
  TLS_CERT,
  TLS_KEY,
  topology,
  UsageError,
} from "@csg/service-runtime";
import { pathToFileURL } from "node:url";
import { listenAddress } from "./serve-address";
import { servedDatabase } from "./served-database";
import { programModule, programOf, subgraphArguments } from "./system";

const names = [COUNTY_SUBGRAPH.name, NATIONAL_SUBGRAPH.name, GATEWAY_PROCESS, ...partnerships.map((p) => p.code)];
/** Options only a client of subgraphs has: the gateway, and the county's subgraph (it reads the partnerships). */
const CLIENT_OPTIONS = ["ca", "client-cert", "client-key", "subgraphs"];

await runCommand("pnpm serve", async () => {
  const command = readCommandLine({
    summary:
      "Serves one service on its own: the county's subgraph, the national one, the gateway or one partnership's subgraph.",
    usage: [
      "pnpm serve <partnership code>|county|national [--data-dir <dir>] [--seed] [--listen <host:port>] [--tls-cert <file> --tls-key <file> [--client-ca <file>]]",
      "pnpm serve gateway [--listen <host:port>] [--subgraphs <file>] [--ca <file>] [--client-cert <file> --client-key <file>]",
    ],
    positionals: true,
    options: {
      "data-dir": {
        type: "string",
        value: "<dir>",
        env: "CSG_DATA_DIR",
        description: "The folder of the service's SQLite file (default data/).",
      },
      seed: {
        type: "boolean",
        description:
          "Create the service's database from its dataset when the folder has none yet (a first serve); without it, such a folder is refused.",
      },
      listen: {
        type: "string",
        value: "<host:port>",
        env: "CSG_LISTEN",
        description: "Where to listen, e.g. 0.0.0.0:4103 or [::]:4103 (default 127.0.0.1 and the registry's port).",
      },
      "tls-cert": {
        type: "string",
        value: "<file>",
        env: TLS_CERT,
        exported: true,
        description: "Serve HTTPS with this certificate (PEM, signed by the county's authority).",
      },
      "tls-key": {
        type: "string",
        value: "<file>",
        env: TLS_KEY,
        exported: true,
        description: "The certificate's private key (PEM).",
      },
      "client-ca": {
        type: "string",
        value: "<file>",
        env: CLIENT_CA,
        exported: true,
        description: "Serve only clients presenting a certificate signed by this authority (mutual TLS).",
      },
      ca: {
        type: "string",
        value: "<file>",
        env: TLS_CA,
        exported: true,
        description: "Gateway, county: trust subgraphs' certificates signed by this authority (PEM).",
      },
      "client-cert": {
        type: "string",
        value: "<file>",
        env: CLIENT_CERT,
        exported: true,
        description: "Gateway, county: the certificate presented to subgraphs (mutual TLS).",
      },
      "client-key": {
        type: "string",
        value: "<file>",
        env: CLIENT_KEY,
        exported: true,
        description: "Gateway, county: its private key.",
      },
      subgraphs: {
        type: "string",
        value: "<file>",
        env: SUBGRAPHS_FILE,
        exported: true,
        description: 'Gateway, county: a JSON file mapping subgraph names to URLs, e.g. {"charnwood": "https://..."}.',
      },
      supergraph: {
        type: "string",
        value: "<file>",
        description: "Gateway: the supergraph to serve (default schema/generated/supergraph.graphql).",
      },
    },
  });
  const [name, ...extra] = command.positionals;
  if (!name) throw new UsageError(`name the service to serve: ${names.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`one service at a time, not also ${extra.join(" ")}`);
  if (!names.includes(name)) throw new UsageError(`no service "${name}": serve one of ${names.join(", ")}`);
  const service = name === GATEWAY_PROCESS ? undefined : topology(0).all.find((s) => s.name === name)!;
  const program = programOf(service ?? GATEWAY_PROCESS);
  if (program === "csp" || program === "national") {
    const given = CLIENT_OPTIONS.filter((o) => process.argv.some((a) => a === `--${o}` || a.startsWith(`--${o}=`)));
    if (given.length > 0)
      throw new UsageError(
        `--${given[0]} is for the gateway and the county: ${name}'s subgraph calls no other service`,
      );
  }
  if (program !== "gateway" && command.string("supergraph")) throw new UsageError("--supergraph is for the gateway");
  if (program === "gateway" && command.flag("seed"))
    throw new UsageError("--seed is for a subgraph: the gateway has no database of its own");
  // Certificates checked before any database is opened or seeded.
  serverTls();
  if (program === "gateway" || program === "county") clientTls();
  const address = listenAddress(command.string("listen"));
  if (address) process.env[LISTEN_HOST] = address.host;
  const port = address?.port;
  let args: string[];
  if (!service) {
    const dataDir = command.string("data-dir");
    args = [
      ...(port ? ["--port", String(port)] : []),
      ...(dataDir ? ["--data-dir", dataDir] : []),
      ...(command.string("supergraph") ? ["--supergraph", command.string("supergraph")!] : []),
    ];
  } else {
    const dataDir = servedDatabase(resolveDataFolder(command), service, command.flag("seed"));
    args = subgraphArguments(service, dataDir, port);
  }
  // The program reads its own command line, as under `pnpm start`.
  const main = programModule(program);
  process.argv = [process.argv[0]!, main, ...args];
  await import(pathToFileURL(main).href);
});
