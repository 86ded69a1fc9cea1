import { LRUCache } from "lru-cache";
import { DEFAULT_SUBGRAPH_ANSWERS_BYTES } from "./freshness-options";

/**
 * Subgraph answers kept by the exact fetch and the revisions of every subgraph it was sent
 * at (see subgraph-deduplication.ts for the key): a later request whose plan sends the same
 * fetch while nothing was written anywhere takes the answer from here. Two requests that
 * differ only where no subgraph looks (a variable the plan does not send, another shape of
 * the same data, a field only another subgraph answers) then cost one fetch. The JSON text is
 * kept, each taker parses its own copy (the gateway merges answers in place). Never stale:
 * a write anywhere changes the revisions, so no key of before is asked for again; the bytes
 * are bounded, the least recently used going first.
 */
export class KeptSubgraphAnswers {
  private readonly answers: LRUCache<string, string>;

  constructor(maxBytes = DEFAULT_SUBGRAPH_ANSWERS_BYTES) {
    this.answers = new LRUCache<string, string>({
      maxSize: maxBytes,
      sizeCalculation: (text, key) => text.length + key.length + 100,
    });
  }

  get(key: string): string | undefined {
    return this.answers.get(key);
  }

  set(key: string, text: string): void {
    this.answers.set(key, text);
  }
}
