/** Text as Excel's "CSV (Comma delimited)" saves it on Windows: Windows-1252 bytes. */
import iconv from "iconv-lite";

export const iconvEncode = (text: string): Buffer => iconv.encode(text, "windows-1252");
