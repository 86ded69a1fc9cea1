/**
 * Adds a partnership to the federation: its registry entry (entity type and port derived),
 * an empty dataset for its subgraph to seed from, and the recomposed supergraph. After a
 * restart of the system its subgraph runs, and it answers through the gateway.
 */
import { type PartnershipEntry, partnerships, registryFile } from "@csg/schema";
import { datasetFile } from "@csg/csp-subgraph";
import { COUNTY_SUBGRAPH, GATEWAY_PORT } from "@csg/schema";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Checker } from "@csg/domain";

export interface NewPartnership {
  code: string;
  name: string;
  district: string;
  onsCode: string;
  /** A unitary authority (like Leicester and Rutland), not a two-tier district. */
  unitary: boolean;
  /** A member of the county board (one of Leicestershire's district CSPs). */
  countyMember: boolean;
}

const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
// GSS codes of English unitary authorities (E06), non-metropolitan districts (E07), metropolitan districts (E08), London boroughs (E09).
const ONS_CODE = /^E0[6-9]\d{6}$/;

/** The registry entry of a new partnership: entity type from its code, the next free port. */
export function registryEntry(input: NewPartnership): PartnershipEntry {
  const check = new Checker("partnership:add");
  if (check.text("--code", input.code, { max: 60 }) && !CODE.test(input.code))
    check.fail("--code", `must be lower-case words joined by hyphens, e.g. test-valley; got "${input.code}"`);
  if (partnerships.some((p) => p.code === input.code)) check.fail("--code", `"${input.code}" is already registered`);
  check.text("--name", input.name, { max: 200 });
  if (partnerships.some((p) => p.name === input.name)) check.fail("--name", `"${input.name}" is already registered`);
  check.text("--district", input.district, { max: 200 });
  if (check.text("--ons-code", input.onsCode, { max: 9 }) && !ONS_CODE.test(input.onsCode)) {
    check.fail("--ons-code", `must be an ONS (GSS) code of a local authority, e.g. E07000130; got "${input.onsCode}"`);
  }
  const holder = partnerships.find((p) => p.districts.some((d) => d.onsCode === input.onsCode));
  if (holder) check.fail("--ons-code", `${input.onsCode} is already covered by ${holder.code}`);
  if (input.unitary && input.countyMember)
    check.fail("--county-member", "a unitary authority is not one of the county's districts");
  check.throwIfAny();
  const entityTypeName = `${input.code
    .split("-")
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("")}Csp`;
  const taken = new Set([COUNTY_SUBGRAPH.port, GATEWAY_PORT, ...partnerships.map((p) => p.port)]);
  let port = Math.max(...taken) + 1;
  while (taken.has(port)) port++;
  return {
    code: input.code,
    name: input.name,
    entityTypeName,
    countyBoardMember: input.countyMember,
    port,
    districts: [{ name: input.district, onsCode: input.onsCode, kind: input.unitary ? "UNITARY" : "DISTRICT" }],
  };
}

/** JSON on one line, spaced as the registry file has it: { "code": "blaby", "port": 4011 }. */
function spaced(value: unknown): string {
  return JSON.stringify(value)
    .replace(/":/g, '": ')
    .replace(/,"/g, ', "')
    .replace(/\{"/g, '{ "')
    .replace(/([^\s])\}/g, "$1 }");
}

/** The registry file, one partnership to two lines as the file has it. */
function registryText(comment: string, entries: readonly PartnershipEntry[]): string {
  const entry = ({ districts, ...rest }: PartnershipEntry) =>
    `    ${spaced(rest).replace(/ \}$/, ",")}\n      "districts": ${spaced(districts)} }`;
  return `{\n  "$comment": ${JSON.stringify(comment)},\n  "partnerships": [\n${entries.map(entry).join(",\n")}\n  ]\n}\n`;
}

const emptyDataset = (code: string) => ({
  partnership: code,
  periods: [],
  plans: [],
  crimeStatistics: [],
  areas: [],
  targets: [],
  funding: [],
  partners: [],
  familyGroups: [],
  rateTables: [],
});

const COMPOSE_CLI = fileURLToPath(new URL("../supergraph/compose-cli.ts", import.meta.url));

/**
 * `pnpm compose`'s command line: its bundle where this runs from bundles that include it (the
 * tests' command bundles, see bundles/build-bundles.ts), else its TypeScript under tsx.
 */
function composeCommand(bundles = process.env.CSG_SERVICE_BUNDLES): string[] {
  const bundle = bundles && join(bundles, "compose.mjs");
  return bundle && existsSync(bundle) ? [bundle] : ["--import", "tsx", COMPOSE_CLI];
}

/** Writes the registry entry and the empty dataset, then recomposes (in a new process, which reads the new registry). */
export function addPartnership(input: NewPartnership): PartnershipEntry {
  const entry = registryEntry(input);
  const dataset = datasetFile(entry.code);
  if (existsSync(dataset))
    throw new Error(`${dataset} exists already: remove it, or register the partnership under another code`);
  const previous = readFileSync(registryFile, "utf8");
  const registry = JSON.parse(previous) as { $comment: string; partnerships: PartnershipEntry[] };
  writeFileSync(dataset, `${JSON.stringify(emptyDataset(entry.code), null, 2)}\n`);
  writeFileSync(registryFile, registryText(registry.$comment, [...registry.partnerships, entry]));
  const composed = spawnSync(process.execPath, composeCommand(), {
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  if (composed.status !== 0) {
    // All or nothing: a partnership that does not compose is not added.
    writeFileSync(registryFile, previous);
    rmSync(dataset);
    throw new Error(`Composition failed, so nothing was added:\n${composed.stderr}${composed.stdout}`);
  }
  return entry;
}
