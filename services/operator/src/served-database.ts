/**
 * What "holds a system" means for one service served on its own: its own database. A
 * district's folder holds only its partnership's file (charnwood.db), the county's host only
 * county.db. A folder without it is refused, creating nothing, unless `--seed` asks for a
 * first serve (the service then creates and seeds its database, as `pnpm start` does).
 */
import { type DataFolder, NoSystemError, type SubgraphService, serviceDatabase } from "@csg/service-runtime";
import { existsSync } from "node:fs";
import { join } from "node:path";

export function servedDatabase(
  folder: DataFolder,
  service: Pick<SubgraphService, "name" | "kind" | "partnership">,
  seed: boolean,
): string {
  const file = serviceDatabase(service);
  if (seed || existsSync(join(folder.dir, file))) return folder.dir;
  throw new NoSystemError(
    `No ${service.name} database in ${folder.dir} (from ${folder.from === "default" ? "the default, data/" : folder.from}): it has no ${file}, so nothing was read or written there. ` +
      `Name the folder that holds it (--data-dir <dir> or CSG_DATA_DIR), or add --seed to create it from the ${service.name} dataset on this first serve.`,
  );
}
