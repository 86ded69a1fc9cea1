import { type OperationTypeNode, parse } from "graphql";
import { LRUCache } from "lru-cache";

/** What the gateway needs to know of an operation before running it. */
export interface OperationSummary {
  /** query, mutation or subscription; null when the document does not parse or names no such operation. */
  kind: OperationTypeNode | null;
  /** The operation's name, for logs and metrics ("anonymous" when it has none). */
  name: string;
}

// Bounded by the documents' length too: 1,000 documents of 1 MB would otherwise be kept (1 GB).
const documents = new LRUCache<string, { kind: OperationTypeNode; name: string | null }[]>({
  max: 1000,
  maxSize: 8_000_000,
  sizeCalculation: (_value, query) => Math.max(1, query.length),
});

/**
 * The operation a request runs. Parsed once per distinct document; a document that does not
 * parse is summarised as kind null and left to the server to report.
 */
export function summariseOperation(query: unknown, operationName: unknown): OperationSummary {
  if (typeof query !== "string") return { kind: null, name: "anonymous" };
  let operations = documents.get(query);
  if (!operations) {
    try {
      operations = parse(query).definitions.flatMap((d) =>
        d.kind === "OperationDefinition" ? [{ kind: d.operation, name: d.name?.value ?? null }] : [],
      );
    } catch {
      return { kind: null, name: typeof operationName === "string" ? operationName : "anonymous" };
    }
    documents.set(query, operations);
  }
  const chosen =
    typeof operationName === "string" && operationName
      ? operations.find((o) => o.name === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!chosen)
    return { kind: null, name: typeof operationName === "string" && operationName ? operationName : "anonymous" };
  return { kind: chosen.kind, name: chosen.name ?? "anonymous" };
}
