import { describe, expect, it } from "vitest";
import { localIdOf } from "../src/publishing/local-id";
import { Checker } from "../src/validation/checker";

/** The local id localIdOf reads from `id` for charnwood, and the problems it records. */
function read(id: string, owner = "charnwood") {
  const check = new Checker("updatePriority");
  const local = localIdOf(owner, id, check, "id", "priority");
  return { local, problems: check.issues.map((i) => `${i.where}: ${i.message}`) };
}

describe("the local id within a public id", () => {
  it("is what follows the owner's code and the first colon", () => {
    expect(read("charnwood:2019-20-p1")).toEqual({ local: "2019-20-p1", problems: [] });
    expect(read("county:statistic-3", "county")).toEqual({ local: "statistic-3", problems: [] });
    expect(read("charnwood:a:b")).toEqual({ local: "a:b", problems: [] });
  });

  it("is refused for another owner's id or a malformed one, saying how ids read", () => {
    for (const id of ["harborough:aims-2019-20-a1", "charnwood", "charnwood:", ":2019-20-p1", "", "Charnwood:x"])
      expect(read(id)).toEqual({
        local: undefined,
        problems: [`updatePriority: id: "${id}" is not the id of a priority of charnwood (ids read "charnwood:<id>")`],
      });
  });
});
