/**
 * The Home Office's offence group and subgroup labels as this project holds them: editions
 * print them with other case and wording (`Theft Offences` / `Theft offences`, `Miscellaneous
 * crimes` / `Miscellaneous crimes against society`, `Rape` / `Rape offences`, `All other theft
 * offences` / `Other theft offences`). Each label is held in the recent editions' wording, so
 * the categories (offence-categories.ts) match every edition; a label not listed is kept as printed.
 */
const CANONICAL = [
  // Groups
  "Criminal damage and arson",
  "Drug offences",
  "Miscellaneous crimes against society",
  "Possession of weapons offences",
  "Public order offences",
  "Robbery",
  "Sexual offences",
  "Theft offences",
  "Violence against the person",
  // Subgroups
  "Homicide",
  "Death or serious injury - unlawful driving",
  "Violence with injury",
  "Violence without injury",
  "Stalking and harassment",
  "Rape offences",
  "Other sexual offences",
  "Robbery of business property",
  "Robbery of personal property",
  "Residential burglary",
  "Non-residential burglary",
  "Domestic burglary",
  "Non-domestic burglary",
  "Vehicle offences",
  "Theft from the person",
  "Bicycle theft",
  "Shoplifting",
  "Other theft offences",
  "Criminal damage",
  "Arson",
  "Trafficking of drugs",
  "Possession of drugs",
];

/** Other editions' wordings of the same label (lower case). */
const VARIANTS: Record<string, string> = {
  "miscellaneous crimes": "Miscellaneous crimes against society",
  rape: "Rape offences",
  "all other theft offences": "Other theft offences",
};

const key = (label: string) => label.trim().replace(/\s+/g, " ").toLowerCase();
const byKey = new Map<string, string>([...CANONICAL.map((c) => [key(c), c] as const), ...Object.entries(VARIANTS)]);

/** A group or subgroup label in the recent editions' wording (as printed when not known). */
export function offenceLabel(printed: string): string {
  return byKey.get(key(printed)) ?? printed.trim();
}
