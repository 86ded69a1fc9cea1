/**
 * `pnpm partnership:add`: a new partnership in the federation. Then commit schema/registry,
 * services/csp/datasets and schema/generated, and restart the system.
 */
import { datasetFile } from "@csg/csp-subgraph";
import { dataDirOption, readCommandLine, runCommand, systemDataFolder } from "@csg/service-runtime";
import { addPartnership } from "./partnership-add";
import { shareCountyTokens } from "./tokens";

await runCommand("pnpm partnership:add", () => {
  const command = readCommandLine({
    summary:
      "Adds a partnership to the federation: registry entry, empty dataset, recomposed supergraph, the county's tokens shared.",
    usage: [
      'pnpm partnership:add --code <code> --name "<name>" --district "<district>" --ons-code <E0...> [--unitary] [--county-member] [--data-dir <dir>]',
    ],
    options: {
      code: {
        type: "string",
        value: "<code>",
        description: "Its registry code, lower-case kebab-case, e.g. test-valley.",
      },
      name: { type: "string", value: '"<name>"', description: "Its name as published." },
      district: { type: "string", value: '"<district>"', description: "The local authority area it covers." },
      "ons-code": { type: "string", value: "<E0...>", description: "The district's ONS code." },
      unitary: { type: "boolean", description: "The district is a unitary authority." },
      "county-member": { type: "boolean", description: "It is a member of the county board." },
      "data-dir": dataDirOption,
    },
  });
  // Refused before the registry changes when the folder holds no system.
  const dataDir = systemDataFolder(command);
  const entry = addPartnership({
    code: command.required("code"),
    name: command.required("name"),
    district: command.required("district"),
    onsCode: command.required("ons-code"),
    unitary: command.flag("unitary"),
    countyMember: command.flag("county-member"),
  });
  // The county may read every partnership's audit trail: the new database gets the county's live tokens.
  const shared = shareCountyTokens(dataDir, entry.code);
  console.log(`Added ${entry.name}: code ${entry.code}, entity type ${entry.entityTypeName}, port ${entry.port}.`);
  console.log(
    `Its dataset is ${datasetFile(entry.code)} (empty); the supergraph is recomposed; ${shared} county token(s) shared with its database.`,
  );
  console.log(
    "Restart the system (pnpm start) and it answers through the gateway; run pnpm codegen:pages (the pages' types name every partnership's type) and commit the registry, the dataset, schema/generated and pages/src/generated.",
  );
});
