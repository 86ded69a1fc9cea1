import { AlignmentBasis } from "@csg/schema";
import { describe, expect, it } from "vitest";
import type { GraphQLError } from "graphql";
import { MAX_SEARCH_CHARACTERS, MAX_SEARCH_WORDS, matchesPriority } from "../src/analysis/priority-search";
import { checkSearchText } from "../src/graph/analysis-arguments";
import { priority } from "./fixtures";

const people = priority(
  "harborough:people",
  "People",
  [["domestic-abuse"], ["protect-vulnerable", AlignmentBasis.DECLARED]],
  {
    description: "Understanding underlying causes of violence and coercive behaviour.",
    focusAreas: [
      { text: "Domestic Abuse", details: [], source: { document: "d", locator: "l" } },
      { text: "Financial Fraud", details: [], source: { document: "d", locator: "l" } },
    ],
    theme: {
      id: "harborough:t",
      title: "Protecting people",
      description: null,
      source: { document: "d", locator: "l" },
    },
  },
);

describe("the priority search", () => {
  it("matches when every word appears in the title, description, focus areas or theme, case ignored", () => {
    expect(matchesPriority(people, { text: "domestic ABUSE" })).toBe(true);
    expect(matchesPriority(people, { text: "coercive fraud" })).toBe(true);
    expect(matchesPriority(people, { text: "protecting" })).toBe(true);
    expect(matchesPriority(people, { text: "domestic burglary" })).toBe(false);
  });

  it("matches words from their start, not inside other words", () => {
    expect(matchesPriority(people, { text: "abus" })).toBe(true);
    expect(matchesPriority(people, { text: "buse" })).toBe(false);
  });

  it("matches by the CSA priority its alignment names, and by the basis when one is given", () => {
    expect(matchesPriority(people, { csaPriorityId: "domestic-abuse" })).toBe(true);
    expect(matchesPriority(people, { csaPriorityId: "hate-incidents" })).toBe(false);
    expect(matchesPriority(people, { csaPriorityId: "domestic-abuse", basis: AlignmentBasis.DECLARED })).toBe(false);
    expect(matchesPriority(people, { csaPriorityId: "protect-vulnerable", basis: AlignmentBasis.DECLARED })).toBe(true);
  });

  it("matches everything when given no criteria", () => {
    expect(matchesPriority(people, {})).toBe(true);
  });

  it("takes a client's words as plain text, never as a pattern: brackets, backslashes and a 100,000-character word match literally", () => {
    const brackets = priority("x:1", "Knife crime (serious violence) [2019] a\\b *star* c++");
    expect(matchesPriority(brackets, { text: "(serious" })).toBe(true);
    expect(matchesPriority(brackets, { text: "[2019]" })).toBe(true);
    expect(matchesPriority(brackets, { text: "a\\b" })).toBe(true);
    expect(matchesPriority(brackets, { text: "c++ *star*" })).toBe(true);
    expect(matchesPriority(brackets, { text: ".*" })).toBe(false);
    expect(matchesPriority(brackets, { text: "(".repeat(100_000) })).toBe(false);
  });
});

describe("the bounds of a search's text", () => {
  const refusal = (text: string) => {
    try {
      checkSearchText("prioritySearch", "text", text);
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      return { message, extensions };
    }
    return null;
  };

  it("takes up to 200 characters and 20 words", () => {
    expect(refusal("domestic abuse")).toBeNull();
    expect(refusal(Array(20).fill("abuse").join(" "))).toBeNull();
    expect(refusal("😀".repeat(200))).toBeNull();
  });

  it("refuses more, as BAD_USER_INPUT naming the argument and the limit, without echoing the text", () => {
    expect(refusal("a".repeat(100_000))).toEqual({
      message: "prioritySearch(text): is 100000 characters long; a search takes at most 200",
      extensions: {
        code: "BAD_USER_INPUT",
        argument: "text",
        limit: { name: "maxSearchCharacters", value: MAX_SEARCH_CHARACTERS },
      },
    });
    expect(refusal(Array(21).fill("ab").join(" "))).toEqual({
      message: "prioritySearch(text): has 21 words; a search takes at most 20",
      extensions: {
        code: "BAD_USER_INPUT",
        argument: "text",
        limit: { name: "maxSearchWords", value: MAX_SEARCH_WORDS },
      },
    });
  });
});
