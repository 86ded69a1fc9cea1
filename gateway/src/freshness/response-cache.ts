import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";
import { DEFAULT_RESPONSE_CACHE_BYTES } from "./freshness-options";

/** One stored answer: exactly the bytes and headers served, and the revisions it was computed at. */
export interface StoredResponse {
  revision: string;
  status: number;
  /** With content-length: the bytes are written in one piece, never re-encoded. */
  headers: Record<string, string>;
  body: Buffer;
  /** The operation's name, for the metrics and log of a request answered from here. */
  operation: string;
}

export interface ResponseCacheOptions {
  /** Bytes of answers kept (least recently used go first). */
  maxBytes?: number;
}

/** What identifies a request in flight: the operation, its variables, and what the caller may see. */
export interface CacheKeyParts {
  query: string;
  operationName?: string | null;
  variables?: unknown;
  /** The Authorization header: answers may depend on the token (an audit trail), so never shared across tokens. */
  authorization?: string;
  /** The Accept header picks the answer's content type. */
  accept?: string;
}

/** A hash of the caller's Authorization header, never the token itself ("-" for none). */
function callerOf(authorization: string | undefined): string {
  return authorization ? createHash("sha256").update(authorization).digest("base64url") : "-";
}

/**
 * The key holds a hash of the caller's Authorization header: two callers share an answer
 * only when they sent the same header (or none).
 */
export function cacheKey(parts: CacheKeyParts): string {
  return JSON.stringify([
    callerOf(parts.authorization),
    parts.accept ?? "",
    parts.operationName ?? "",
    parts.query,
    parts.variables ?? null,
  ]);
}

/**
 * The response cache's key: the request body's exact text, with what the caller may see
 * (the Authorization header's hash, the Accept header). Found before the body is parsed, so a
 * cached answer costs a hash, a lookup and a write. Two bodies that differ only in spacing
 * are two entries (each bounded by the cache's bytes, the key counted in).
 */
export function bodyKey(text: string, authorization: string | undefined, accept: string | undefined): string {
  return `${callerOf(authorization)}\n${accept ?? ""}\n${text}`;
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
      maxSize: options.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES,
      sizeCalculation: (entry, key) => entry.body.length + key.length + 200,
    });
  }

  /**
   * The stored answer, whatever revisions it was computed at (the caller compares them with
   * the revisions it reads next): found before anything is awaited, so a request with no
   * stored answer never waits for the revisions.
   */
  find(key: string): StoredResponse | undefined {
    return this.entries.get(key);
  }

  /** The stored answer, if it was computed at exactly these revisions (one at others is dropped). */
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
