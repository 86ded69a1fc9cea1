export {
  startSystem,
  startService,
  STOP_GRACE_MS,
  type RunningService,
  type RunningSystem,
  type SystemOptions,
  type Hosting,
  DEFAULT_HOSTING,
  SHARED_HOST_PROCESS,
} from "./system";
export { startSubgraph, type HostedSubgraph, type SubgraphHostingOptions } from "./hosting/subgraph-hosting";
export { compose, composeSubgraphs, buildSubgraphDefinitions, CompositionError } from "./supergraph/compose";
export { compositionFiles, readSubgraphSdl, readSupergraph, supergraphFile, generatedFolder } from "./supergraph/files";
export type { CompositionProblem, FaultPlace } from "./supergraph/composition-error";
export { checkSchema, type SchemaCheckResult } from "./schema-check/schema-check";
export { changesBetween, type SchemaChange, type ChangeLevel } from "./schema-check/schema-changes";
export { apiSchemaOf } from "./schema-check/api-schema";
export {
  parseAcknowledgedChanges,
  readAcknowledgedChanges,
  acknowledgementOf,
  type AcknowledgedChange,
} from "./schema-check/acknowledged-changes";
export { mainSupergraph, SCHEMA_BASE_ENV, type MainSupergraph } from "./schema-check/main-supergraph";
export { issueToken, revokeToken, listTokens, shareCountyTokens, type IssuedToken } from "./admin/tokens";
export { addPartnership, registryEntry, type NewPartnership } from "./admin/partnership-add";
export { buildBundles, bundlesCurrent, bundleFolder, BUNDLES, COMMAND_BUNDLES } from "./bundles/build-bundles";
