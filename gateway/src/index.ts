export { startGateway, type GatewayOptions, type RunningGateway } from "./gateway";
export { CORS_ORIGINS, corsOriginsFrom } from "./cross-origin";
export { type SubgraphProcess, type Supervision } from "./public-health";
