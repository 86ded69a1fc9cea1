/**
 * `pnpm tokens`: bearer tokens for writes.
 *   pnpm tokens issue --partnership charnwood --label "Charnwood CSO" [--data-dir data]
 *   pnpm tokens issue --county --label "County community safety team"
 *   pnpm tokens revoke charnwood-3f9a2c1b
 *   pnpm tokens list
 * The token is printed once, here, and stored nowhere (only its SHA-256 hash).
 */

import { COUNTY_SCOPE, defaultDataDir } from "@csg/service-runtime";
import { parseArgs } from "node:util";
import { issueToken, listTokens, revokeToken } from "./tokens";
import { ValidationError } from "@csg/domain";

const USAGE = `Usage:
  pnpm tokens issue --partnership <code> --label "<who holds it>" [--data-dir <dir>]
  pnpm tokens issue --county --label "<who holds it>" [--data-dir <dir>]
  pnpm tokens revoke <token id> [--data-dir <dir>]
  pnpm tokens list [--data-dir <dir>]`;

try {
  const { values, positionals } = parseArgs({
    options: {
      partnership: { type: "string" },
      county: { type: "boolean", default: false },
      label: { type: "string" },
      "data-dir": { type: "string", default: process.env.CSG_DATA_DIR ?? defaultDataDir },
    },
    allowPositionals: true,
  });
  const dataDir = values["data-dir"]!;
  const [command, id] = positionals;
  if (command === "issue") {
    if (values.county === Boolean(values.partnership)) throw new Error(`Name one scope: --partnership <code> or --county.\n${USAGE}`);
    const issued = issueToken(dataDir, values.county ? COUNTY_SCOPE : values.partnership!, values.label ?? "");
    console.log(`Issued token ${issued.id} for ${issued.scope} ("${issued.label}") in ${dataDir}.`);
    console.log("It is shown only this once and stored nowhere; keep it secret. Send it as \"Authorization: Bearer <token>\":");
    console.log(issued.token);
  } else if (command === "revoke" && id) {
    const row = revokeToken(dataDir, id);
    console.log(`Revoked token ${row.id} (${row.scope}, "${row.label}") at ${row.revokedAt}.`);
  } else if (command === "list") {
    const rows = listTokens(dataDir);
    if (rows.length === 0) console.log(`No tokens in ${dataDir}.`);
    for (const row of rows) {
      console.log(`${row.id.padEnd(40)} ${row.scope.padEnd(26)} ${row.revokedAt ? `revoked ${row.revokedAt}` : "active".padEnd(32)}  issued ${row.createdAt}  "${row.label}"`);
    }
  } else {
    throw new Error(USAGE);
  }
} catch (error) {
  console.error(error instanceof ValidationError || error instanceof Error ? error.message : error);
  process.exit(1);
}
