import { AlignmentBasis } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { matchesPriority } from "../src/analysis/priority-search";
import { priority } from "./fixtures";

const people = priority("harborough:people", "People", [["domestic-abuse"], ["protect-vulnerable", AlignmentBasis.DECLARED]], {
  description: "Understanding underlying causes of violence and coercive behaviour.",
  focusAreas: [
    { text: "Domestic Abuse", details: [], source: { document: "d", locator: "l" } },
    { text: "Financial Fraud", details: [], source: { document: "d", locator: "l" } },
  ],
  theme: { id: "harborough:t", title: "Protecting people", description: null, source: { document: "d", locator: "l" } },
});

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
});
