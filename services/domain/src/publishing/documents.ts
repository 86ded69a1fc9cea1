/**
 * The documents a subgraph's sources cite: the seed documents (defined once, in schema/) and
 * those cited since, stored in the subgraph's own database with the first write that cites
 * them. A document the system has not seen must come with its title and publisher.
 */
import { type DocumentEntry, type DocumentLookup, findSeedDocument } from "@csg/schema";
import { eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SourceRecord } from "../records";
import type { Checker } from "../validation/checker";
import type { Place } from "../validation/place";
import { documents } from "./tables";

type AnyDatabase = BetterSQLite3Database<any>;
export type KnownDocument = DocumentEntry;

/** What the system knows of a document: a seed document, or one stored since; undefined when it has not seen it. */
export function knownDocument(db: AnyDatabase, document: string): KnownDocument | undefined {
  const seed = findSeedDocument(document);
  if (seed) return seed;
  const row = db.select().from(documents).where(eq(documents.document, document)).get();
  return row && { document: row.document, title: row.title, publisher: row.publisher, published: row.published };
}

/**
 * Every stored document, read once a request asks for one that is not a seed document: what
 * its Source fields are answered from. `clearAll` forgets them (after a write), as a loader's.
 */
export function storedDocumentLookup(db: AnyDatabase): DocumentLookup & { clearAll(): void } {
  let byName: Map<string, KnownDocument> | undefined;
  const lookup = (document: string) => {
    byName ??= new Map(
      db
        .select()
        .from(documents)
        .all()
        .map((row) => [row.document, { ...row }]),
    );
    return byName.get(document);
  };
  return Object.assign(lookup, { clearAll: () => void (byName = undefined) });
}

/** The documents one write cites, each known or new (to be stored with the write). */
export interface CitedDocuments {
  /** By file name; absent for a source whose document failed its checks. */
  byName: Map<string, KnownDocument>;
  added: KnownDocument[];
}

const FIELDS = ["title", "publisher", "published"] as const;

/**
 * Checks the documents of `sources`: a known document's title, publisher and date, where
 * given, must be as known; a new one needs its title and publisher (and, optionally, its date
 * of publication). Problems go to `check`, at each source's place.
 */
export function citeDocuments(
  db: AnyDatabase,
  sources: { source: SourceRecord; place: Place }[],
  check: Checker,
): CitedDocuments {
  const cited: CitedDocuments = { byName: new Map(), added: [] };
  const added = new Map<string, KnownDocument>();
  const looked = new Map<string, KnownDocument | undefined>();
  for (const { source, place } of sources) {
    if (!source || typeof source.document !== "string") continue;
    if (!looked.has(source.document)) looked.set(source.document, knownDocument(db, source.document));
    // Known before, or described earlier in this same input: then it need not be described again.
    const known = looked.get(source.document) ?? added.get(source.document);
    if (known) {
      for (const field of FIELDS) {
        const given = source[field];
        if (given != null && given !== known[field]) {
          check.fail(
            place(field),
            `${source.document} is known as ${field} ${JSON.stringify(known[field])}, not ${JSON.stringify(given)}: leave ${field} out, or give it as known`,
          );
        }
      }
      cited.byName.set(source.document, known);
      continue;
    }
    const what = `for ${source.document}, a document the system has not seen before`;
    const title = check.text(place("title"), source.title ?? undefined, { max: 300, optional: true });
    if (source.title == null) check.fail(place("title"), `is required ${what} (give its title and publisher)`);
    const publisher = check.text(place("publisher"), source.publisher ?? undefined, { max: 200, optional: true });
    if (source.publisher == null) check.fail(place("publisher"), `is required ${what} (give its title and publisher)`);
    const published = source.published == null || check.date(place("published"), source.published);
    if (!title || !publisher || !published) continue;
    const entry: KnownDocument = {
      document: source.document,
      title: source.title!,
      publisher: source.publisher!,
      published: source.published ?? null,
    };
    added.set(entry.document, entry);
    cited.byName.set(entry.document, entry);
  }
  cited.added = [...added.values()];
  return cited;
}

/** Stores the new documents of a write, in its transaction. */
export function storeDocuments(tx: AnyDatabase, cited: CitedDocuments): void {
  const recordedAt = new Date().toISOString();
  for (const entry of cited.added)
    tx.insert(documents)
      .values({ ...entry, recordedAt })
      .onConflictDoNothing()
      .run();
}

/** A document as messages name it: its title and file name. */
export function documentName(document: KnownDocument): string {
  return `"${document.title}" (${document.document})`;
}
