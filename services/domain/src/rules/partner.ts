import type { Checker } from "../validation/checker";
import { type Place, within } from "../validation/place";
import { checkSource } from "./source";

/** An organisation in a partnership (or on the county board), as printed, with where it was published. */
export function checkPartner(
  check: Checker,
  place: Place,
  partner: { name: string; source: { document: string; locator: string } },
): void {
  check.text(place("name"), partner.name, { max: 300 });
  checkSource(check, within(place, "source"), partner.source);
}
