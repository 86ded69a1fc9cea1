/** An answer as sent: status, headers and the body's text. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Answered in one piece (not streamed in parts, as @defer does): only such answers are stored. */
  complete: boolean;
}

/**
 * In-flight deduplication of whole requests: while a read is being answered, an identical
 * one (same operation, variables and Authorization, and the same subgraph revisions observed
 * on arrival) waits for that answer instead of running again. Nothing is kept once the
 * answer is sent: this is not a cache, and works with the response cache switched off.
 */
export class InFlightAnswers {
  private readonly inFlight = new Map<string, Promise<Answer>>();

  /** The answer for `key`: computed now, or shared with the identical request in flight. */
  async share(key: string, compute: () => Promise<Answer>): Promise<{ answer: Answer; shared: boolean }> {
    const pending = this.inFlight.get(key);
    if (pending) return { answer: await pending, shared: true };
    const computing = compute().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, computing);
    return { answer: await computing, shared: false };
  }
}
