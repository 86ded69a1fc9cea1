/** What the gateway keeps of each request: the caller's Authorization header, to forward. */
export interface GatewayContext {
  authorization?: string;
  /** Aborts when the request's deadline passes or its client goes away: its subgraph fetches end. */
  signal?: AbortSignal;
}
