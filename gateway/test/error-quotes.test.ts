import { describe, expect, it } from "vitest";
import { MAX_MESSAGE, quoteBriefly } from "../src/error-quotes";

describe("errors quote a short prefix of what a client sent", () => {
  it("cuts every long quoted text to 60 characters, saying how long it was", () => {
    const value = "w".repeat(100_000);
    expect(
      quoteBriefly(`Variable "$text" got invalid value "${value}"; String cannot represent a non string value`),
    ).toBe(
      `Variable "$text" got invalid value "${"w".repeat(60)}…" (100000 characters); String cannot represent a non string value`,
    );
  });

  it("keeps short quotes and escapes whole, and cuts a long message without quotes", () => {
    expect(quoteBriefly(`Unknown operation named "Greeting"; the document defines "a\\"b".`)).toBe(
      `Unknown operation named "Greeting"; the document defines "a\\"b".`,
    );
    const cut = quoteBriefly(`Invalid regular expression: /${"x".repeat(5000)}/`);
    expect(cut.length).toBeLessThan(MAX_MESSAGE + 50);
    expect(cut).toMatch(/… \(message cut: 5030 characters\)$/);
  });
});
