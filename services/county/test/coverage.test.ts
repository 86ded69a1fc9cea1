import { AlignmentBasis, requirePartnership } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { coverageCell, localPriorities, uncoveredCsaPriorities } from "../src/analysis/coverage";
import { priority } from "./fixtures";

const harborough = requirePartnership("harborough");
const melton = requirePartnership("melton");
const places = priority("harborough:places", "Places", [["reduce-crime"], ["reduce-asb"]]);
const engagement = priority("harborough:cc2", "To increase Community Engagement across the District.");
const people = priority("harborough:people", "People", [["domestic-abuse", AlignmentBasis.DECLARED]]);

describe("coverage of a CSA priority by a partnership's current priorities", () => {
  it("is COVERED with the priorities that serve it and the bases of their alignments", () => {
    const cell = coverageCell("reduce-asb", { partnership: harborough, current: [places, engagement, people] });
    expect(cell).toMatchObject({
      status: "COVERED",
      priorities: [places],
      bases: ["SUGGESTED"],
      period: places.period,
    });
    expect(coverageCell("domestic-abuse", { partnership: harborough, current: [places, people] }).bases).toEqual([
      "DECLARED",
    ]);
  });

  it("is NOT_COVERED when the partnership has priorities and none serves it", () => {
    expect(coverageCell("hate-incidents", { partnership: harborough, current: [places, engagement] })).toMatchObject({
      status: "NOT_COVERED",
      priorities: [],
    });
  });

  it("is NO_PUBLISHED_PRIORITIES, not a gap, when the partnership has published none", () => {
    expect(coverageCell("reduce-crime", { partnership: melton, current: [] })).toMatchObject({
      status: "NO_PUBLISHED_PRIORITIES",
      period: null,
    });
  });

  it("is UNAVAILABLE when the partnership's subgraph did not answer", () => {
    expect(coverageCell("reduce-crime", { partnership: melton, current: null }).status).toBe("UNAVAILABLE");
  });
});

describe("the reverse view", () => {
  it("lists the priorities that serve no CSA priority", () => {
    expect(localPriorities([places, engagement, people])).toEqual([engagement]);
  });

  it("lists the CSA priorities no partnership covers, in the agreement's order", () => {
    const ids = ["protect-vulnerable", "reduce-crime", "reduce-asb", "domestic-abuse", "hate-incidents"];
    expect(
      uncoveredCsaPriorities(ids, [
        { partnership: harborough, current: [places, people] },
        { partnership: melton, current: [] },
        { partnership: requirePartnership("charnwood"), current: null },
      ]),
    ).toEqual(["protect-vulnerable", "hate-incidents"]);
  });
});
