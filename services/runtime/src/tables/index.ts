export { accessTokens, auditEntries } from "./access";
export { periods, publicationState } from "./publication";
