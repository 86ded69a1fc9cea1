export { startGateway, type GatewayOptions, type RunningGateway } from "./gateway";
export { startSystem, startService, type RunningSystem, type SystemOptions } from "./system";
export { compose, composeSubgraphs, buildSubgraphDefinitions, CompositionError } from "./supergraph/compose";
export { compositionFiles, readSupergraph, supergraphFile, generatedFolder } from "./supergraph/files";
export { issueToken, revokeToken, listTokens, shareCountyTokens, type IssuedToken } from "./admin/tokens";
export { addPartnership, registryEntry, type NewPartnership } from "./admin/partnership-add";
