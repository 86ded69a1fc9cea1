/**
 * Repeated county reads of a busy partnership: one reading in flight, shared, however many
 * requests ask; kept per revision; a failure never kept.
 */
import { requirePartnership } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { KeptReadings } from "../src/partnership-client/kept-readings";
import type { PartnershipReading } from "../src/partnership-client/publications";

const melton = requirePartnership("melton");
const answered: PartnershipReading = { partnership: melton, publications: null, problem: null };
const failed: PartnershipReading = { partnership: melton, publications: null, problem: "Melton answered HTTP 500" };

/** A partnership that answers when told to, counting the readings asked of it. */
function slowPartnership() {
  const pending: ((reading: PartnershipReading) => void)[] = [];
  return {
    asked: () => pending.length,
    fetch: () => new Promise<PartnershipReading>((resolve) => pending.push(resolve)),
    answer: (reading: PartnershipReading) => pending.splice(0).forEach((resolve) => resolve(reading)),
  };
}

describe("kept readings of a partnership", () => {
  it("share one reading in flight among requests that could not learn the revision (a partnership too busy to say it)", async () => {
    const kept = new KeptReadings();
    const melton = slowPartnership();
    const first = kept.read("melton", "statistics", null, melton.fetch);
    const second = kept.read("melton", "statistics", null, melton.fetch);
    const third = kept.read("melton", "statistics", "r1", melton.fetch);
    expect(melton.asked()).toBe(2); // the one without a revision, and the one of revision r1
    expect(second).toBe(first);
    melton.answer(answered);
    expect(await third).toBe(answered);
    // Answered: without a revision nothing is reused, the next request reads again.
    void kept.read("melton", "statistics", null, melton.fetch);
    expect(melton.asked()).toBe(1);
  });

  it("keep a reading for its revision, read again on a new revision, and never keep a failure", async () => {
    const kept = new KeptReadings();
    const melton = slowPartnership();
    const reading = kept.read("melton", "statistics", "r1", melton.fetch);
    expect(kept.read("melton", "statistics", "r1", melton.fetch)).toBe(reading);
    melton.answer(answered);
    await reading;
    expect(kept.read("melton", "statistics", "r1", melton.fetch)).toBe(reading);
    expect(melton.asked()).toBe(0);
    const next = kept.read("melton", "statistics", "r2", melton.fetch);
    expect(melton.asked()).toBe(1);
    melton.answer(failed);
    expect(await next).toBe(failed);
    await Promise.resolve();
    void kept.read("melton", "statistics", "r2", melton.fetch);
    expect(melton.asked()).toBe(1); // the failure was not kept: read again
  });
});
