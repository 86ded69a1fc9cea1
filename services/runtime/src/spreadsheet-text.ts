/**
 * The text of a CSV file as officers save it. UTF-8 (with or without a byte-order mark) is
 * read as it is. A file that is not UTF-8 is most often Excel's "CSV (Comma delimited)" on
 * Windows, which writes Windows-1252 (Latin-1 plus the curly quotes, the euro and the
 * pound signs): it is decoded as such and said so. UTF-16 ("Unicode text") and anything
 * that is neither is refused, saying how to save the file as UTF-8.
 */
import iconv from "iconv-lite";

const HOW_TO_SAVE =
  'save it as "CSV UTF-8 (Comma delimited) (*.csv)" (Excel: File > Save As; LibreOffice: Character set "Unicode (UTF-8)")';

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 either. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export interface SpreadsheetText {
  text: string;
  /** "utf-8", or "windows-1252" when the file was decoded from it. */
  encoding: "utf-8" | "windows-1252";
}

export function decodeSpreadsheet(bytes: Uint8Array, file: string): SpreadsheetText {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0))
    throw new Error(`${file}: is not a UTF-8 text file (it looks like UTF-16 "Unicode text"); ${HOW_TO_SAVE}.`);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const offset = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
    if (offset >= 0)
      throw new Error(
        `${file}: is neither UTF-8 nor Windows-1252 (Latin-1) text (byte ${offset + 1}); ${HOW_TO_SAVE}.`,
      );
    // iconv-lite: Node's own TextDecoder reads "windows-1252" as ISO-8859-1 (0x80 is not the euro sign there).
    return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" };
  }
}

export const SAVE_AS_UTF8 = HOW_TO_SAVE;
