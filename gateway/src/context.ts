/** What the gateway keeps of each request: the caller's Authorization header, to forward. */
export interface GatewayContext {
  authorization?: string;
}
