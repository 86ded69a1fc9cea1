/**
 * `pnpm partnership:add`: a new partnership in the federation.
 *   pnpm partnership:add --code test-valley --name "Test Valley Community Safety Partnership" \
 *     --district "Test Valley" --ons-code E07000093 [--unitary] [--county-member] [--data-dir data]
 * Then commit schema/registry, services/csp/datasets and schema/generated, and restart the system.
 */
import { datasetFile } from "@csg/csp-subgraph";

import { defaultDataDir } from "@csg/service-runtime";
import { parseArgs } from "node:util";
import { addPartnership } from "./partnership-add";
import { shareCountyTokens } from "./tokens";
import { ValidationError } from "@csg/domain";

const USAGE =
  'Usage: pnpm partnership:add --code <code> --name "<name>" --district "<district>" --ons-code <E0...> [--unitary] [--county-member] [--data-dir <dir>]';

try {
  const { values } = parseArgs({
    options: {
      code: { type: "string" },
      name: { type: "string" },
      district: { type: "string" },
      "ons-code": { type: "string" },
      unitary: { type: "boolean", default: false },
      "county-member": { type: "boolean", default: false },
      "data-dir": { type: "string", default: process.env.CSG_DATA_DIR ?? defaultDataDir },
    },
  });
  if (!values.code || !values.name || !values.district || !values["ons-code"]) throw new Error(USAGE);
  const entry = addPartnership({
    code: values.code,
    name: values.name,
    district: values.district,
    onsCode: values["ons-code"],
    unitary: values.unitary!,
    countyMember: values["county-member"]!,
  });
  // The county may read every partnership's audit trail: the new database gets the county's live tokens.
  const shared = shareCountyTokens(values["data-dir"]!, entry.code);
  console.log(`Added ${entry.name}: code ${entry.code}, entity type ${entry.entityTypeName}, port ${entry.port}.`);
  console.log(`Its dataset is ${datasetFile(entry.code)} (empty); the supergraph is recomposed; ${shared} county token(s) shared with its database.`);
  console.log("Restart the system (pnpm start) and it answers through the gateway; commit the registry, the dataset and schema/generated.");
} catch (error) {
  console.error(error instanceof ValidationError || error instanceof Error ? error.message : error);
  process.exit(1);
}
