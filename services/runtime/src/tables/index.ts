export { accessTokens, auditEntries } from "./access";
export { periods, publicationState, sourceColumns } from "./publication";
