import type { Readable } from "node:stream";
import yauzl from "yauzl";

/** More entries than any spreadsheet has: a zip listing more is not read further. */
const MAX_ENTRIES = 10_000;

export interface ZipArchive {
  /** Entries by name, from the central directory: their order in the file does not matter. */
  names(): string[];
  has(name: string): boolean;
  open(name: string): Promise<Readable>;
  close(): void;
}

/** Opens a zip archive by its central directory (yauzl), so any entry can be streamed in any order. */
export function openZip(file: string, what: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) return reject(new Error(`${file}: not ${what} (not a zip archive: ${error?.message})`));
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entries.size >= MAX_ENTRIES) {
          zip.close();
          return reject(new Error(`${file}: not ${what} (more than ${MAX_ENTRIES} entries in the archive)`));
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("error", reject);
      zip.on("end", () =>
        resolve({
          names: () => [...entries.keys()],
          has: (name) => entries.has(name),
          open: (name) =>
            new Promise((done, fail) => {
              const entry = entries.get(name);
              if (!entry) return fail(new Error(`${file}: not ${what} (no ${name} in the archive)`));
              zip.openReadStream(entry, (streamError, stream) =>
                streamError || !stream ? fail(streamError) : done(stream),
              );
            }),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}
