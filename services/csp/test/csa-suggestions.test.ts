/**
 * Suggested CSA alignment of every published priority (41 across four partnerships), from
 * the priorities' own words and the vocabulary in schema/taxonomy. A change to the
 * vocabulary or the scoring shows here, priority by priority.
 */
import { partnerships } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { datasetFile, loadCspDataset } from "../src/dataset/load";
import { suggestAlignment } from "@csg/domain";

const published = partnerships.flatMap((p) =>
  loadCspDataset(datasetFile(p.code), p.code).plans.flatMap((plan) =>
    plan.priorities.map((priority) => ({ id: `${p.code}:${priority.id}`, priority })),
  ),
);
const suggestionFor = (id: string) => suggestAlignment(published.find((p) => p.id === id)!.priority);

describe("suggested CSA alignment of the published priorities", () => {
  it("pins the CSA priorities suggested for each of the 41", () => {
    const suggested = Object.fromEntries(
      published.map(({ id, priority }) => [id, suggestAlignment(priority).map((s) => s.csaPriorityId)]),
    );
    expect(suggested).toEqual({
      "charnwood:2018-19-p1": ["reduce-crime"],
      "charnwood:2018-19-p2": ["reduce-crime", "reduce-asb", "substance-misuse"],
      "charnwood:2018-19-p3": ["reduce-asb"],
      "charnwood:2018-19-p4": ["domestic-abuse", "hate-incidents"],
      "charnwood:2018-19-p5": ["protect-vulnerable", "young-people-online"],
      "charnwood:2018-19-p6": ["protect-vulnerable", "reduce-crime", "reduce-asb"],
      "charnwood:2018-19-p7": [],
      "charnwood:2018-19-p8": ["reduce-crime", "reduce-asb"],
      "charnwood:2019-20-p1": ["reduce-crime"],
      "charnwood:2019-20-p2": ["reduce-asb", "substance-misuse"],
      "charnwood:2019-20-p3": ["protect-vulnerable"],
      "charnwood:2019-20-p4": ["hate-incidents"],
      "charnwood:2019-20-p5": [],
      "harborough:2019-20-a1": ["reduce-crime"],
      "harborough:2019-20-a2": ["reduce-asb"],
      "harborough:2019-20-a3": [],
      "harborough:2019-20-a4": ["protect-vulnerable", "reduce-crime", "domestic-abuse"],
      "harborough:2019-20-a5": ["protect-vulnerable", "reduce-crime", "young-people-online"],
      "harborough:2019-20-cc1": ["substance-misuse"],
      "harborough:2019-20-cc2": [],
      "harborough:2019-20-cc3": [],
      "harborough:2020-23-people": ["protect-vulnerable", "reduce-crime", "domestic-abuse"],
      "harborough:2020-23-places": ["reduce-crime", "reduce-asb"],
      "harborough:2020-23-property": ["reduce-crime"],
      "harborough:2020-23-cc1": ["substance-misuse"],
      "harborough:2020-23-cc2": [],
      "harborough:2020-23-cc3": [],
      "north-west-leicestershire:2020-23-m1": ["reduce-crime"],
      "north-west-leicestershire:2020-23-m2": ["substance-misuse"],
      "leicester:2018-21-a": ["reduce-crime"],
      "leicester:2018-21-b": [],
      "leicester:2018-21-c": ["reduce-asb", "substance-misuse"],
      "leicester:2018-21-d": ["domestic-abuse"],
      "leicester:2018-21-e": ["reduce-crime"],
      "leicester:2018-21-f": ["protect-vulnerable", "reduce-crime"],
      "leicester:2019-20-a": ["reduce-crime"],
      "leicester:2019-20-b": ["hate-incidents"],
      "leicester:2019-20-c": ["reduce-asb", "substance-misuse"],
      "leicester:2019-20-d": ["domestic-abuse"],
      "leicester:2019-20-e": ["reduce-crime"],
      "leicester:2019-20-f": ["protect-vulnerable", "reduce-crime"],
    });
  });

  it("suggests nothing for Harborough's road safety aim: drink and drug driving is road safety, not substance misuse", () => {
    // "Raise awareness of road safety." with the FATAL Four, one of them "Drink and drug driving".
    expect(suggestionFor("harborough:2019-20-a3")).toEqual([]);
  });

  it("suggests hate incidents for Leicester's Prevent priority that names hate crime, and nothing for the one that does not", () => {
    expect(suggestionFor("leicester:2019-20-b")).toEqual([
      {
        csaPriorityId: "hate-incidents",
        score: 1,
        evidence: [{ kind: "TERM", value: "hate crime", foundIn: "title", weight: 1 }],
      },
    ]);
    expect(suggestionFor("leicester:2018-21-b")).toEqual([]);
  });

  it("needs more than a mention of young people to suggest harm from cyber-crime and bullying", () => {
    // "Reduce the risk of harm for young people – including Child Sexual Exploitation and Cyber Bullying"
    expect(suggestionFor("charnwood:2018-19-p5").find((s) => s.csaPriorityId === "young-people-online")).toEqual({
      csaPriorityId: "young-people-online",
      score: 1.5,
      evidence: [
        { kind: "TERM", value: "cyber bullying", foundIn: "title", weight: 1 },
        { kind: "TERM", value: "young people", foundIn: "title", weight: 0.5 },
      ],
    });
    // "Protecting Vulnerable Adults and Youths including those at risk of Criminal Exploitation": youths alone is not enough.
    expect(suggestionFor("charnwood:2019-20-p3").map((s) => s.csaPriorityId)).toEqual(["protect-vulnerable"]);
  });

  it("reads hate crime as hate incidents only, not also as crime in general", () => {
    const suggestion = suggestionFor("charnwood:2019-20-p4");
    expect(suggestion.map((s) => s.csaPriorityId)).toEqual(["hate-incidents"]);
  });

  it("scores each piece of distinct evidence: terms, and crime categories named by their printed labels", () => {
    // "To reduce acquisitive crime", with focus areas on domestic burglary, theft from motor vehicles, retail crime, rural acquisitive crime.
    const [reduceCrime] = suggestionFor("harborough:2019-20-a1");
    expect(reduceCrime.score).toBe(6);
    expect(reduceCrime.evidence.filter((e) => e.kind === "CATEGORY").map((e) => e.value)).toEqual([
      "burglary-residential",
      "theft-from-vehicle",
      "rural-crime",
    ]);
  });
});
