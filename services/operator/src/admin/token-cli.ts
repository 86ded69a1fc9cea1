/**
 * `pnpm tokens`: bearer tokens for writes. The token is printed once, here, and stored
 * nowhere (only its SHA-256 hash).
 */
import { partnerships } from "@csg/schema";
import {
  COUNTY_SCOPE,
  dataDirOption,
  readCommandLine,
  runCommand,
  systemDataFolder,
  UsageError,
  partnershipDatabase,
} from "@csg/service-runtime";
import { issueToken, listTokens, revokeToken } from "./tokens";

await runCommand("pnpm tokens", () => {
  const command = readCommandLine({
    summary: "Issues, lists and revokes the bearer tokens that authorise writes.",
    usage: [
      'pnpm tokens issue --partnership <code> --label "<who holds it>" [--data-dir <dir>]',
      'pnpm tokens issue --county --label "<who holds it>" [--data-dir <dir>]',
      "pnpm tokens revoke <token id> [--data-dir <dir>]",
      "pnpm tokens list [--data-dir <dir>]",
    ],
    options: {
      partnership: {
        type: "string",
        value: "<code>",
        description: `A partnership's token: ${partnerships.map((p) => p.code).join(", ")}.`,
      },
      county: {
        type: "boolean",
        description: "A county token (the county's writes, every partnership's audit trail).",
      },
      label: { type: "string", value: '"<who holds it>"', description: 'Who holds the token, e.g. "Charnwood CSO".' },
      "data-dir": dataDirOption,
    },
    positionals: true,
  });
  const [action, id, ...rest] = command.positionals;
  // A district's own server holds only its partnership's database: that is its system.
  const named = partnerships.filter((p) => p.code === command.string("partnership"));
  const dataDir = systemDataFolder(
    command,
    process.env,
    (action === "issue" ? named : partnerships).map((p) => partnershipDatabase(p.code)),
  );
  if (rest.length > 0) throw new UsageError(`unexpected "${rest.join(" ")}"`);
  if (action === "issue") {
    const partnership = command.string("partnership");
    if (command.flag("county") === Boolean(partnership))
      throw new UsageError("name one scope: --partnership <code> or --county");
    const issued = issueToken(dataDir, partnership ?? COUNTY_SCOPE, command.required("label"));
    console.log(`Issued token ${issued.id} for ${issued.scope} ("${issued.label}") in ${dataDir}.`);
    console.log(
      'It is shown only this once and stored nowhere; keep it secret. Send it as "Authorization: Bearer <token>":',
    );
    console.log(issued.token);
  } else if (action === "revoke") {
    if (!id) throw new UsageError("name the token to revoke: pnpm tokens revoke <token id> (see pnpm tokens list)");
    const row = revokeToken(dataDir, id);
    console.log(`Revoked token ${row.id} (${row.scope}, "${row.label}") at ${row.revokedAt}.`);
  } else if (action === "list") {
    const rows = listTokens(dataDir);
    if (rows.length === 0) console.log(`No tokens in ${dataDir}.`);
    for (const row of rows) {
      console.log(
        `${row.id.padEnd(40)} ${row.scope.padEnd(26)} ${row.revokedAt ? `revoked ${row.revokedAt}` : "active".padEnd(32)}  issued ${row.createdAt}  "${row.label}"`,
      );
    }
  } else {
    throw new UsageError(
      action ? `unknown action "${action}": issue, revoke or list` : "name an action: issue, revoke or list",
    );
  }
});
