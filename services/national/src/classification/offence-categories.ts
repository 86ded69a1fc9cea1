/**
 * Which Home Office offence groups and subgroups, and which police.uk crime types, count as
 * this project's categories (schema/taxonomy/crime-categories.json), and for which financial
 * years. A category maps only where the definitions match: a category with no entry, or a year
 * before `fromYear`, has no national figure, and the answer says why.
 */
export interface OffenceCategoryMapping {
  category: string;
  /** Every row of the table (police recorded crime excluding fraud). */
  all?: boolean;
  groups?: string[];
  subgroups?: string[];
  /** First financial year (by its starting calendar year) the definition holds for. */
  fromYear?: number;
  /** What the national figure is, in words a dashboard can show. */
  definition: string;
  /** Why earlier years do not map, when `fromYear` is set. */
  beforeNote?: string;
}

const BURGLARY_2017 =
  "Before April 2017 the Home Office counted domestic and non-domestic burglary; from 2017/18 residential and non-residential (outbuildings moved between them), so earlier years are another measure (the change the North West Leicestershire plan notes for 2018).";

export const OFFENCE_CATEGORY_MAPPINGS: OffenceCategoryMapping[] = [
  {
    category: "all-crime",
    all: true,
    definition:
      "Police recorded crime excluding fraud: every offence of the Home Office table (fraud is recorded by Action Fraud and is not in it).",
  },
  {
    category: "violence-against-the-person",
    groups: ["Violence against the person"],
    definition: "Offence group Violence against the person.",
  },
  {
    category: "violence-with-injury",
    subgroups: ["Violence with injury"],
    definition: "Offence subgroup Violence with injury.",
  },
  { category: "sexual-offences", groups: ["Sexual offences"], definition: "Offence group Sexual offences." },
  { category: "robbery", groups: ["Robbery"], definition: "Offence group Robbery (personal and business property)." },
  {
    category: "burglary-residential",
    subgroups: ["Residential burglary"],
    fromYear: 2017,
    definition: "Offence subgroup Residential burglary.",
    beforeNote: BURGLARY_2017,
  },
  {
    category: "burglary-business-community",
    subgroups: ["Non-residential burglary"],
    fromYear: 2017,
    definition: "Offence subgroup Non-residential burglary.",
    beforeNote: BURGLARY_2017,
  },
  { category: "shoplifting", subgroups: ["Shoplifting"], definition: "Offence subgroup Shoplifting." },
  { category: "cycle-theft", subgroups: ["Bicycle theft"], definition: "Offence subgroup Bicycle theft." },
  {
    category: "criminal-damage-arson",
    groups: ["Criminal damage and arson"],
    definition: "Offence group Criminal damage and arson.",
  },
  {
    category: "criminal-damage",
    subgroups: ["Criminal damage"],
    definition: "Offence subgroup Criminal damage (without arson).",
  },
];

export type CategoryMappingAnswer = { mapping: OffenceCategoryMapping } | { reason: string };

/** The mapping of a category for a financial year (`2019/20`), or why there is none. */
export function offenceMappingFor(category: string, financialYear: string): CategoryMappingAnswer {
  const mapping = OFFENCE_CATEGORY_MAPPINGS.find((m) => m.category === category);
  if (!mapping) {
    return {
      reason: `The Home Office's CSP tables have no measure defined as "${category}": mapped categories are ${OFFENCE_CATEGORY_MAPPINGS.map((m) => m.category).join(", ")}.`,
    };
  }
  const startYear = Number(financialYear.slice(0, 4));
  if (mapping.fromYear !== undefined && startYear < mapping.fromYear) {
    return {
      reason:
        `${category} maps to the Home Office's tables from ${mapping.fromYear}/${String(mapping.fromYear + 1).slice(2)} only. ${mapping.beforeNote ?? ""}`.trim(),
    };
  }
  return { mapping };
}

/** police.uk crime types that match a category's definition; the others (e.g. Burglary, all kinds together) map to none. */
export const POLICE_UK_CATEGORY: Record<string, string> = {
  "Anti-social behaviour": "asb",
  "Bicycle theft": "cycle-theft",
  "Criminal damage and arson": "criminal-damage-arson",
  Robbery: "robbery",
  Shoplifting: "shoplifting",
};
