/** What the gateway keeps of each request: the caller's Authorization header, to forward. */
export interface GatewayContext {
  authorization?: string;
  /** Aborts when the request's deadline passes or its client goes away: its subgraph fetches end. */
  signal?: AbortSignal;
  /**
   * Every subgraph's revision as observed when the request arrived (null: not observed);
   * in-flight deduplication shares only fetches of requests that saw the same revisions.
   */
  revision?: string | null;
}
