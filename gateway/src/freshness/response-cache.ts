import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";

/** One stored answer: exactly the bytes and headers served, and the revisions it was computed at. */
export interface StoredResponse {
  revision: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ResponseCacheOptions {
  /** Bytes of answers kept (least recently used go first). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** What identifies an answer: the operation, its variables, and what the caller may see. */
export interface CacheKeyParts {
  query: string;
  operationName?: string | null;
  variables?: unknown;
  /** The Authorization header: answers may depend on the token (an audit trail), so never shared across tokens. */
  authorization?: string;
  /** The Accept header picks the answer's content type. */
  accept?: string;
}

/**
 * The key holds a hash of the caller's Authorization header, never the token itself: two
 * callers share an answer only when they sent the same header (or none).
 */
export function cacheKey(parts: CacheKeyParts): string {
  const caller = parts.authorization ? createHash("sha256").update(parts.authorization).digest("base64url") : "-";
  return JSON.stringify([caller, parts.accept ?? "", parts.operationName ?? "", parts.query, parts.variables ?? null]);
}

/**
 * The gateway's response cache for reads. An entry is served only while every subgraph's
 * revision is what it was when the answer was computed (see revision-watch.ts), so any
 * committed write, by any path, makes the next request compute its answer again.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, StoredResponse>;

  constructor(options: ResponseCacheOptions = {}) {
    this.entries = new LRUCache<string, StoredResponse>({
      maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
      sizeCalculation: (entry, key) => entry.body.length + key.length + 200,
    });
  }

  /** The stored answer, if it was computed at exactly these revisions. */
  get(key: string, revision: string): StoredResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.revision !== revision) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: StoredResponse): void {
    this.entries.set(key, entry);
  }
}
