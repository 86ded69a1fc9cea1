export { startGateway, type GatewayOptions, type RunningGateway } from "./gateway";
export { CORS_ORIGINS, corsOriginsFrom } from "./cross-origin";
export type { FreshnessOptions } from "./freshness/freshness-options";
export type { LocalDatabase } from "./freshness/revision-watch";
export { localDatabases } from "./freshness/local-databases";
