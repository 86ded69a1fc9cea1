import { describe, expect, it } from "vitest";
import { LOCAL_ID, parsePublicId, parseStatisticId, publicId, statisticId, statisticNumber } from "../src/public-id";

describe("public ids: the owner's code, a colon, the local id", () => {
  it("are written and read back", () => {
    expect(publicId("charnwood", "2019-20-p1")).toBe("charnwood:2019-20-p1");
    expect(publicId("blaby", 7)).toBe("blaby:7");
    expect(parsePublicId("charnwood:2019-20-p1")).toEqual({ owner: "charnwood", local: "2019-20-p1" });
    for (const [owner, local] of [
      ["melton", "partners"],
      ["north-west-leicestershire", "aims-2019-20-a1"],
      ["county", "statistic-3"],
    ])
      expect(parsePublicId(publicId(owner, local))).toEqual({ owner, local });
  });

  it("split at the first colon: the local id keeps any later one", () => {
    expect(parsePublicId("blaby:a:b")).toEqual({ owner: "blaby", local: "a:b" });
  });

  it("need a colon with something on both sides", () => {
    for (const id of ["", "charnwood", ":2019-20-p1", "charnwood:", ":"]) expect(parsePublicId(id)).toBeUndefined();
  });

  it("name a local id a writer chooses in lower-case kebab-case", () => {
    for (const local of ["2019-20-p1", "funding", "a1"]) expect(LOCAL_ID.test(local)).toBe(true);
    for (const local of ["", "A1", "a--b", "-a", "a-", "a b", "a:b", "a_b"]) expect(LOCAL_ID.test(local)).toBe(false);
  });
});

describe("a figure's public id: <owner>:statistic-<n>", () => {
  it("is written and read back", () => {
    expect(statisticId("melton", 12)).toBe("melton:statistic-12");
    expect(statisticId("county", 3)).toBe("county:statistic-3");
    expect(parseStatisticId("melton:statistic-12")).toEqual({ owner: "melton", n: 12 });
    for (const [owner, n] of [
      ["county", 3],
      ["north-west-leicestershire", 999_999_999_999_999],
      ["a", 0],
    ] as const)
      expect(parseStatisticId(statisticId(owner, n))).toEqual({ owner, n });
  });

  it("refuses any other id", () => {
    for (const id of [
      "",
      "melton",
      "melton:",
      ":statistic-3",
      "melton:statistic-",
      "melton:statistic-x",
      "melton:statistic-3x",
      "melton:statistic--3",
      "melton:statistic-1.5",
      "melton:statistic-3 ",
      " melton:statistic-3",
      "melton:stat-3",
      "melton:2019-20-p1",
      "Melton:statistic-3",
      "melton_x:statistic-3",
      "melton:statistic-3:statistic-4",
    ])
      expect(parseStatisticId(id), id).toBeUndefined();
  });

  it("has an owner of 1 to 60 characters and a number of 1 to 15 digits (an exact JavaScript number)", () => {
    expect(parseStatisticId(`${"a".repeat(60)}:statistic-1`)).toEqual({ owner: "a".repeat(60), n: 1 });
    expect(parseStatisticId(`${"a".repeat(61)}:statistic-1`)).toBeUndefined();
    expect(parseStatisticId(`blaby:statistic-${"9".repeat(15)}`)).toEqual({ owner: "blaby", n: 999_999_999_999_999 });
    expect(parseStatisticId(`blaby:statistic-${"9".repeat(16)}`)).toBeUndefined();
    expect(Number.isSafeInteger(Number("9".repeat(15)))).toBe(true);
  });

  it("has a local part whose number is read on its own (what a correction names)", () => {
    expect(statisticNumber("statistic-21")).toBe(21);
    expect(statisticNumber("statistic-007")).toBe(7);
    for (const local of ["statistic-", "statistic-x", "2019-20-p1", "statistic-3-4", `statistic-${"1".repeat(16)}`])
      expect(statisticNumber(local), local).toBeUndefined();
  });
});
