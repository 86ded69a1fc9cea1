import { describe, expect, it } from "vitest";
import { characterCount, quoted, shortened } from "../src/quoted-input";

describe("what a message quotes of a client's input", () => {
  it("counts characters as people do: an emoji, a flag's two regional letters each, a combining accent", () => {
    expect(characterCount("🚲".repeat(300))).toBe(300);
    expect("🚲".repeat(300).length).toBe(600);
    expect(characterCount("e\u0301")).toBe(2);
    expect(characterCount("\ud800x")).toBe(2); // a lone half counts as one
  });

  it("quotes short input whole and long input by its first 40 characters, never half of an emoji", () => {
    expect(quoted("all-crimes")).toBe('"all-crimes"');
    expect(quoted(-4)).toBe("-4");
    expect(quoted("a".repeat(100_000))).toBe(`"${"a".repeat(40)}"... (100000 characters in all)`);
    expect(quoted("😀".repeat(50))).toBe(`"${"😀".repeat(40)}"... (50 characters in all)`);
    expect(quoted("\u0000\u202e")).toBe('"\\u0000\u202e"');
    expect(shortened("charnwood:statistic-9999")).toBe("charnwood:statistic-9999");
    expect(shortened("x".repeat(41))).toBe(`"${"x".repeat(40)}"... (41 characters in all)`);
  });
});
