/**
 * The documents sources cite: what a document is (title, publisher, date of publication),
 * apart from where in it a figure was printed. The seed documents are defined once, in
 * schema/sources/documents.json; a document cited later is stored by the subgraph that
 * publishes from it (see @csg/domain's documents table).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface DocumentEntry {
  /** The file name sources cite it by, e.g. 002_8e9c48eccd29813b.txt. */
  document: string;
  title: string;
  publisher: string;
  /** The date of publication its front page prints (YYYY-MM-DD); null when it prints none. */
  published: string | null;
}

export const documentsFile = fileURLToPath(new URL("../sources/documents.json", import.meta.url));

/** The seed documents, in file-name order. */
export const seedDocuments: readonly DocumentEntry[] = (
  JSON.parse(readFileSync(documentsFile, "utf8")) as { documents: DocumentEntry[] }
).documents;

const byName = new Map(seedDocuments.map((d) => [d.document, d]));

export function findSeedDocument(document: string): DocumentEntry | undefined {
  return byName.get(document);
}
