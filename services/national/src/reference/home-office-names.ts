import { readFileSync } from "node:fs";
import { nameKey } from "./area-names";

interface HomeOfficeNames {
  aliases: { homeOffice: string; ons: string }[];
  notCsps: { homeOffice: string; policeForce: string; note: string }[];
}

const file = new URL("../../dataset/home-office-names.json", import.meta.url);
const names = JSON.parse(readFileSync(file, "utf8")) as HomeOfficeNames;

export const HOME_OFFICE_NAMES_SOURCE = {
  document: "services/national/dataset/home-office-names.json",
  locator: "aliases",
};

/** The ONS name of a CSP the Home Office spells otherwise (e.g. `London, City of`), else the name itself. */
export function onsNameOf(homeOfficeName: string): string {
  const key = nameKey(homeOfficeName);
  return names.aliases.find((a) => nameKey(a.homeOffice) === key)?.ons ?? homeOfficeName;
}

/** A Home Office row that is not a CSP (e.g. Manchester Airport), or undefined. */
export function notACsp(homeOfficeName: string) {
  const key = nameKey(homeOfficeName);
  return names.notCsps.find((n) => nameKey(n.homeOffice) === key);
}

/** `Unassigned <Force>`: crimes a force could not place in a CSP. */
export function unassignedForce(homeOfficeName: string): string | null {
  const match = /^Unassigned\s+(.+)$/i.exec(homeOfficeName.trim());
  return match ? match[1] : null;
}

/** How the Home Office spells an ONS-named CSP (the alias table read backwards). */
export function homeOfficeNameOf(onsName: string): string {
  return names.aliases.find((a) => a.ons === onsName)?.homeOffice ?? onsName;
}
