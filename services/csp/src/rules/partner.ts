import { type Checker, type Place, within } from "@csg/schema";
import { checkSource } from "./source";

/** An organisation in the partnership, as printed, with where it was published. */
export function checkPartner(check: Checker, place: Place, partner: { name: string; source: { document: string; locator: string } }): void {
  check.text(place("name"), partner.name, { max: 300 });
  checkSource(check, within(place, "source"), partner.source);
}
