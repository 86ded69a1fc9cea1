import "reflect-metadata";

export * from "./registry";
export * from "./taxonomy";
export * from "./scalars/date";
export * from "./scalars/date-time";
export * from "./types/source";
export * from "./types/period";
export * from "./types/crime";
export * from "./types/csa";
export * from "./types/priority";
export * from "./types/area";
export * from "./types/target";
export * from "./types/funding";
export * from "./types/comparison";
export * from "./types/audit";
export * from "./types/inputs";
export * from "./types/partnership-publications";
export * from "./federation/subgraph-schema";
