export { startGateway, type GatewayOptions, type RunningGateway } from "./gateway";
export { CORS_ORIGINS, corsOriginsFrom } from "./cross-origin";
export { type SubgraphProcess, type Supervision } from "./public-health";
export { type FreshnessOptions } from "./freshness/freshness-options";
export { type LocalDatabase } from "./freshness/revision-watch";
